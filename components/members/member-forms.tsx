"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useForm, type FieldValues, type Path, type UseFormSetError } from "react-hook-form";
import { changeMemberStatusAction, moveMemberAction, switchChannelAction, transferMemberAction } from "@/app/(app)/groups/[groupSlug]/members/actions";
import { Button } from "@/components/ui/button";
import { useConfirm } from "@/components/ui/confirm-dialog";
import { FormAlert } from "@/components/forms/form-alert";
import { SelectField } from "@/components/forms/select-field";
import { TextField } from "@/components/forms/text-field";
import { useActionMessage } from "@/components/forms/use-action-message";
import type { ActionResult } from "@/lib/server/result";
import { useToday } from "@/components/forms/use-today";
import {
  moveSchema,
  statusChangeSchema,
  transferSchema,
  type MemberChange,
  type MoveInput,
  type StatusChangeInput,
  type TransferInput,
} from "@/lib/validations/member";

type Facility = { id: string; name: string };

/** Maps a server action's result onto a react-hook-form form. Returns true when it worked. */
function useApply<T extends FieldValues>(setError: UseFormSetError<T>, setFormError: (m: string | null) => void) {
  const message = useActionMessage();
  return (result: ActionResult<unknown>): boolean => {
    if (result.ok) return true;
    for (const [field, m] of Object.entries(result.fieldErrors)) setError(field.replace(/^values\./, "") as Path<T>, { message: m });
    setFormError(message(result.formError) ?? message("errors.formHasErrors"));
    return false;
  };
}

export function TransferForm({ groupSlug, memberId, facilities, current }: { groupSlug: string; memberId: string; facilities: Facility[]; current: Omit<TransferInput, "occurredOn" | "reason"> }) {
  const t = useTranslations("members.transfer");
  const message = useActionMessage();
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const today = useToday();
  const { register, handleSubmit, setError, formState } = useForm<TransferInput>({
    resolver: zodResolver(transferSchema),
    defaultValues: { ...current, occurredOn: today, reason: "" },
  });
  const apply = useApply(setError, setFormError);
  const err = (m?: string) => message(m) ?? undefined;
  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    try {
      if (apply(await transferMemberAction({ groupSlug, memberId, values }))) router.refresh();
    } catch {
      setFormError(message("errors.offline"));
    }
  });
  return (
    <form onSubmit={onSubmit} noValidate className="mt-3 space-y-3">
      <FormAlert message={formError} />
      <SelectField label={t("facility")} options={facilities.map((f) => ({ value: f.id, label: f.name }))} {...register("facilityId")} error={err(formState.errors.facilityId?.message)} />
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField label={t("idNumber")} {...register("idNumber")} error={err(formState.errors.idNumber?.message)} />
        <TextField label={t("housingUnit")} {...register("housingUnit")} error={err(formState.errors.housingUnit?.message)} />
      </div>
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField label={t("date")} type="date" {...register("occurredOn")} error={err(formState.errors.occurredOn?.message)} />
        <TextField label={t("reason")} {...register("reason")} error={err(formState.errors.reason?.message)} />
      </div>
      <Button type="submit" variant="secondary" disabled={formState.isSubmitting}>
        {t("submit")}
      </Button>
    </form>
  );
}

export function SwitchChannelButton({ groupSlug, memberId, to, label, confirm }: { groupSlug: string; memberId: string; to: "ONLINE" | "MAIL"; label: string; confirm: string }) {
  const message = useActionMessage();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const { confirm: ask, dialog } = useConfirm();
  return (
    <div className="mt-2">
      <FormAlert message={error} />
      {dialog}
      <Button
        variant="quiet"
        disabled={pending}
        onClick={async () => {
          if (!(await ask({ title: confirm, confirmLabel: label }))) return;
          start(async () => {
            try {
              const result = await switchChannelAction({ groupSlug, memberId, channel: to });
              if (!result.ok) return setError(message(result.formError));
              router.refresh();
            } catch {
              setError(message("errors.offline"));
            }
          });
        }}
      >
        {label}
      </Button>
    </div>
  );
}

/** Pause, resume, complete or withdraw: only the changes the member's status allows are offered. */
export function StatusChangeForm({ groupSlug, memberId, penName, changes }: { groupSlug: string; memberId: string; penName: string; changes: MemberChange[] }) {
  const t = useTranslations("members.change");
  const message = useActionMessage();
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const today = useToday();
  const { register, handleSubmit, setError, formState } = useForm<StatusChangeInput>({
    resolver: zodResolver(statusChangeSchema),
    defaultValues: { change: changes[0], occurredOn: today, reason: "" },
  });
  const apply = useApply(setError, setFormError);
  const err = (m?: string) => message(m) ?? undefined;
  const { confirm, dialog } = useConfirm();
  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    if (values.change === "withdraw" && !(await confirm({ title: t("withdrawConfirm", { name: penName }), confirmLabel: t("submit"), danger: true }))) return;
    try {
      if (apply(await changeMemberStatusAction({ groupSlug, memberId, values }))) router.refresh();
    } catch {
      setFormError(message("errors.offline"));
    }
  });
  return (
    <form onSubmit={onSubmit} noValidate className="mt-3 space-y-3" aria-label={t("title")}>
      {dialog}
      <FormAlert message={formError} />
      <SelectField label={t("change")} options={changes.map((c) => ({ value: c, label: t(`changes.${c}`) }))} {...register("change")} error={err(formState.errors.change?.message)} />
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField label={t("date")} type="date" {...register("occurredOn")} error={err(formState.errors.occurredOn?.message)} />
        <TextField label={t("reason")} {...register("reason")} error={err(formState.errors.reason?.message)} />
      </div>
      <Button type="submit" variant="secondary" disabled={formState.isSubmitting}>
        {t("submit")}
      </Button>
    </form>
  );
}

/** Move to another group of the organization (organizers). The pen name is kept unless it is taken there. */
export function MoveMemberForm({ groupSlug, memberId, penName, targets }: { groupSlug: string; memberId: string; penName: string; targets: Facility[] }) {
  const t = useTranslations("members.move");
  const message = useActionMessage();
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const today = useToday();
  const { register, handleSubmit, setError, formState } = useForm<MoveInput>({
    resolver: zodResolver(moveSchema),
    defaultValues: { targetGroupId: targets[0]?.id ?? "", penName, occurredOn: today, reason: "" },
  });
  const apply = useApply(setError, setFormError);
  const err = (m?: string) => message(m) ?? undefined;
  const { confirm, dialog } = useConfirm();
  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    const target = targets.find((g) => g.id === values.targetGroupId)?.name ?? "";
    if (!(await confirm({ title: t("confirm", { name: penName, group: target }), confirmLabel: t("submit") }))) return;
    try {
      if (apply(await moveMemberAction({ groupSlug, memberId, values }))) router.refresh();
    } catch {
      setFormError(message("errors.offline"));
    }
  });
  return (
    <form onSubmit={onSubmit} noValidate className="mt-3 space-y-3" aria-label={t("title")}>
      {dialog}
      <FormAlert message={formError} />
      <SelectField label={t("group")} options={targets.map((g) => ({ value: g.id, label: g.name }))} {...register("targetGroupId")} error={err(formState.errors.targetGroupId?.message)} />
      <TextField label={t("penName")} hint={t("penNameHint")} {...register("penName")} error={err(formState.errors.penName?.message)} />
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField label={t("date")} type="date" {...register("occurredOn")} error={err(formState.errors.occurredOn?.message)} />
        <TextField label={t("reason")} {...register("reason")} error={err(formState.errors.reason?.message)} />
      </div>
      <Button type="submit" variant="secondary" disabled={formState.isSubmitting}>
        {t("submit")}
      </Button>
    </form>
  );
}
