// A chart: markup drawn by chartMarkup from its figures on the server, sent once (server-markup.tsx).
import { chartMarkup, type ChartModel } from "@/components/progress/chart-markup";
import { ServerMarkup } from "@/components/progress/server-markup";

export function ChartBlock({ model }: { model: ChartModel }) {
  return <ServerMarkup markup={chartMarkup(model)} />;
}
