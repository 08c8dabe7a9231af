// The single-answer transcription URL from before the desk (links in mail logs, bookmarks, the
// progress matrix): the letter's desk, with this question first.
import { redirect } from "next/navigation";
import { letterHref } from "@/lib/desk/href";

type Props = { params: Promise<{ groupSlug: string; packNumber: string; memberId: string; promptId: string }> };

export default async function OldTranscribePage({ params }: Props) {
  const { groupSlug, packNumber, memberId, promptId } = await params;
  // The desk checks access and the pack number itself; this only builds the address.
  redirect(letterHref(decodeURIComponent(groupSlug), Number(packNumber), decodeURIComponent(memberId), decodeURIComponent(promptId)));
}
