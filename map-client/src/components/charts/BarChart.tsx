// A horizontal bar chart drawn as SVG: one bar a row, its label on the left and its figure at its end. Each
// row may have several segments stacked (e.g. on time and late), with a legend. Drawn by hand (no chart
// library): a few rectangles and texts, scaled by a viewBox to the width of the page.

export interface ChartSegment {
  key: string;
  value: number;
}

export interface ChartRow {
  /** what the row stands for (a district code), kept on the row for whoever reads the chart's figures */
  key?: string;
  label: string;
  segments: ChartSegment[];
}

export interface ChartSeries {
  key: string;
  label: string;
  /** a CSS colour */
  colour: string;
}

interface Props {
  title: string;
  rows: ChartRow[];
  series: ChartSeries[];
  /** the figure written at a bar's end */
  format?: (value: number) => string;
  testId?: string;
}

const WIDTH = 640;
const LABEL_WIDTH = 200;
const FIGURE_WIDTH = 70;
const ROW_HEIGHT = 26;
const BAR_HEIGHT = 16;
const TOP = 8;

export function BarChart({ title, rows, series, format = String, testId }: Props) {
  const totals = rows.map((row) => row.segments.reduce((sum, s) => sum + s.value, 0));
  const most = Math.max(1, ...totals);
  const scale = (WIDTH - LABEL_WIDTH - FIGURE_WIDTH) / most;
  const height = TOP * 2 + rows.length * ROW_HEIGHT;
  const colour = (key: string) => series.find((s) => s.key === key)?.colour ?? '#1f5fa8';
  return (
    <figure className="ob-chart" data-testid={testId}>
      <figcaption className="ob-chart-title">{title}</figcaption>
      {series.length > 1 && (
        <div className="ob-chart-legend">
          {series.map((s) => (
            <span key={s.key}>
              <span className="ob-chart-swatch" style={{ background: s.colour }} />
              {s.label}
            </span>
          ))}
        </div>
      )}
      <svg
        className="ob-chart-svg"
        viewBox={`0 0 ${WIDTH} ${height}`}
        role="img"
        aria-label={title}
        preserveAspectRatio="xMinYMin meet"
      >
        {rows.map((row, i) => {
          const y = TOP + i * ROW_HEIGHT;
          let x = LABEL_WIDTH;
          return (
            <g
              key={row.key ?? row.label}
              data-testid="chart-row"
              data-key={row.key}
              data-label={row.label}
              data-total={totals[i]}
            >
              <text x={LABEL_WIDTH - 8} y={y + BAR_HEIGHT - 3} textAnchor="end" className="ob-chart-label">
                {row.label.length > 16 ? `${row.label.slice(0, 15)}…` : row.label}
                <title>{row.label}</title>
              </text>
              {row.segments.map((segment) => {
                const width = segment.value * scale;
                const rect = (
                  <rect
                    key={segment.key}
                    x={x}
                    y={y}
                    width={width}
                    height={BAR_HEIGHT}
                    fill={colour(segment.key)}
                    data-testid="chart-bar"
                    data-series={segment.key}
                    data-value={segment.value}
                  >
                    <title>{`${row.label} ${series.find((s) => s.key === segment.key)?.label ?? ''} ${format(segment.value)}`}</title>
                  </rect>
                );
                x += width;
                return rect;
              })}
              <text x={x + 6} y={y + BAR_HEIGHT - 3} className="ob-chart-figure">
                {format(totals[i] ?? 0)}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
