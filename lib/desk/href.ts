/** The transcription desk of one letter (member × pack), with one question first when given. */
export function letterHref(groupSlug: string, packNumber: number, memberId: string, promptId?: string | null): string {
  const base = `/groups/${encodeURIComponent(groupSlug)}/packs/${packNumber}/transcribe/${encodeURIComponent(memberId)}`;
  return promptId ? `${base}?question=${encodeURIComponent(promptId)}` : base;
}
