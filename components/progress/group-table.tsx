// The dashboard's groups: markup drawn by groupTableMarkup on the server, sent once (server-markup.tsx).
import { groupTableMarkup, type GroupTableModel } from "@/components/progress/group-table-markup";
import { ServerMarkup } from "@/components/progress/server-markup";

export function GroupTable({ model }: { model: GroupTableModel }) {
  return <ServerMarkup markup={groupTableMarkup(model)} className="mt-3 max-h-[70vh] overflow-auto rounded-lg border border-stone-200 bg-white" />;
}
