import { useI18n } from "../../i18n/useT";

/** A plain SVG drawing of a GeoJSON polygon boundary (用地红线图), north up, scaled to fit. */
export function BoundaryMap({ coordinates, size = 260 }: { coordinates: number[][][]; size?: number }) {
  const { t } = useI18n();
  const ring = coordinates[0] ?? [];
  if (ring.length < 3) return null;
  const xs = ring.map((p) => p[0]);
  const ys = ring.map((p) => p[1]);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const span = Math.max(maxX - minX, maxY - minY) || 1;
  const pad = 20;
  const scale = (size - 2 * pad) / span;
  const points = ring
    .map((p) => `${pad + (p[0] - minX) * scale},${size - pad - (p[1] - minY) * scale}`)
    .join(" ");
  return (
    <svg
      width={size}
      height={size}
      viewBox={`0 0 ${size} ${size}`}
      data-testid="boundary-map"
      role="img"
      aria-label={t("prj.parcel.boundary")}
      style={{ background: "#fafafa", border: "1px solid #d9d9d9" }}
    >
      <polygon points={points} fill="rgba(255,77,79,0.12)" stroke="#f5222d" strokeWidth={2} />
      <text x={size - 18} y={18} fontSize={12} textAnchor="middle">
        N↑
      </text>
    </svg>
  );
}
