// Mail factories: a facility with its mail rules, and mail members who live there (a person with
// a legal name, ID number and housing unit, enrolled in a group on the MAIL channel).
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import type { MemberStatus } from "@/lib/generated/prisma/enums";

const unique = () => randomUUID().slice(0, 8);

export async function makeFacility(
  organizationId: string,
  overrides: { name?: string; addressLines?: string[]; maxPagesPerEnvelope?: number | null; notes?: string } = {},
) {
  return db.facility.create({
    data: {
      organizationId,
      name: overrides.name ?? `Facility ${unique()}`,
      addressLines: overrides.addressLines ?? ["PO Box 100", "Springfield, IL 62701"],
      maxPagesPerEnvelope: overrides.maxPagesPerEnvelope === undefined ? 10 : overrides.maxPagesPerEnvelope,
      notes: overrides.notes ?? "",
    },
    select: { id: true, name: true },
  });
}

export async function makeMailMember(
  group: { id: string; organizationId: string },
  options: { facilityId?: string | null; legalName?: string; idNumber?: string | null; housingUnit?: string | null; status?: MemberStatus } = {},
) {
  const id = unique();
  const person = await db.person.create({
    data: {
      organizationId: group.organizationId,
      legalName: options.legalName ?? `Person ${id}`,
      facilityId: options.facilityId ?? null,
      idNumber: options.idNumber === undefined ? `ID-${id}` : options.idNumber,
      housingUnit: options.housingUnit === undefined ? "Unit A" : options.housingUnit,
    },
    select: { id: true },
  });
  const member = await db.member.create({
    data: { groupId: group.id, personId: person.id, channel: "MAIL", status: options.status ?? "ACTIVE", penName: `Pen ${id}` },
    select: { id: true },
  });
  return { memberId: member.id, personId: person.id };
}
