/** The article's dated events as dots on a small horizontal axis; later dates on the left when the UI is RTL. */
import type { StoryEvent } from '../../nlp/types';
import { formatDateValue, parseDateValue } from '../components/dateValue';
import { useTranslator } from '../components/i18n';
import { createTimeScale, fullWindow } from '../timeline/scale';

const WIDTH = 340;
const HEIGHT = 54;
const AXIS_Y = 24;
const SIDE_MARGIN = 14;

export function MiniTimeline({ events }: { events: readonly StoryEvent[] }) {
  const { t, language, direction } = useTranslator();
  const placed = events.flatMap((event) => {
    const span = parseDateValue(event.date);
    return span === null ? [] : [{ event, span }];
  });
  if (placed.length === 0) return null;
  const domain = {
    start: Math.min(...placed.map(({ span }) => span.start)),
    end: Math.max(...placed.map(({ span }) => span.end)),
  };
  const scale = createTimeScale(fullWindow(domain), WIDTH - 2 * SIDE_MARGIN, direction === 'rtl');
  const x = (instant: number): number => SIDE_MARGIN + scale.toX(instant);
  const earliest = placed.reduce((a, b) => (b.span.start < a.span.start ? b : a));
  const latest = placed.reduce((a, b) => (b.span.end > a.span.end ? b : a));
  const firstDay = earliest.event.date.split('/')[0] ?? earliest.event.date;
  const lastDay = latest.event.date.split('/').pop() ?? latest.event.date;
  const labels = [{ x: x(earliest.span.start), text: formatDateValue(firstDay, language) }];
  const lastX = x(latest.span.end);
  // Two labels closer than this would overlap: keep the earliest only.
  if (latest !== earliest && Math.abs(lastX - (labels[0]?.x ?? 0)) > 150) labels.push({ x: lastX, text: formatDateValue(lastDay, language) });
  return (
    <svg
      class="anl-mini-timeline"
      style={{ direction: 'ltr' }}
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={t('popupEventsChart')}>
      <line x1={SIDE_MARGIN} x2={WIDTH - SIDE_MARGIN} y1={AXIS_Y} y2={AXIS_Y} stroke="var(--anl-border)" stroke-width="2" />
      {placed.map(({ event, span }, index) => {
        const startX = x(span.start);
        const endX = x(span.end);
        const wide = Math.abs(endX - startX) > 6;
        return (
          <g key={`${event.start}-${index}`}>
            <title>{`${formatDateValue(event.date, language)}: ${event.text}`}</title>
            {wide ? (
              <rect
                x={Math.min(startX, endX)}
                y={AXIS_Y - 4}
                width={Math.abs(endX - startX)}
                height="8"
                rx="4"
                fill="var(--anl-accent)"
                opacity="0.55"
              />
            ) : (
              <circle cx={x((span.start + span.end) / 2)} cy={AXIS_Y} r={event.main ? 6 : 4.5} fill="var(--anl-accent)" />
            )}
          </g>
        );
      })}
      {labels.map((label) => (
        <text
          key={label.text}
          x={label.x}
          y={HEIGHT - 6}
          // SVG anchors are laid out left to right here (see the svg's direction), so a label hugs its edge.
          text-anchor={label.x < WIDTH / 2 ? 'start' : 'end'}
          font-size="11"
          fill="var(--anl-muted)"
        >
          {label.text}
        </text>
      ))}
    </svg>
  );
}
