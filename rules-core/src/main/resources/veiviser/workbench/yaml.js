// A small YAML writer for the "save as scenario" text: plain scalars where they are safe, JSON strings otherwise
// (a JSON string is a valid YAML double-quoted scalar).
const PLAIN = /^[A-Za-z0-9][A-Za-z0-9 ._\-æøåÆØÅ]*$/;
const RESERVED = /^(true|false|null|yes|no|on|off|~|-?\d+(\.\d+)?)$/i;

export function scalar(v) {
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v === null || v === undefined) return 'null';
  const s = String(v);
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) return s;
  return PLAIN.test(s) && !RESERVED.test(s) && !s.endsWith(' ') ? s : JSON.stringify(s);
}

function isScalar(v) {
  return v === null || typeof v !== 'object';
}

/** YAML lines for {@code value} at {@code indent} spaces; flow style for short lists of scalars and small maps of scalars. */
export function toYaml(value, indent = 0) {
  const pad = ' '.repeat(indent);
  const lines = [];
  if (Array.isArray(value)) {
    for (const item of value) {
      if (isScalar(item)) {
        lines.push(`${pad}- ${scalar(item)}`);
      } else if (Array.isArray(item)) {
        lines.push(`${pad}- ${flow(item)}`);
      } else {
        const inner = toYaml(item, indent + 2).split('\n');
        lines.push(`${pad}- ${inner[0].trimStart()}`, ...inner.slice(1));
      }
    }
  } else {
    for (const [k, v] of Object.entries(value)) {
      if (isScalar(v)) lines.push(`${pad}${k}: ${scalar(v)}`);
      else if (Array.isArray(v) && v.every(isScalar)) lines.push(`${pad}${k}: ${flow(v)}`);
      else if (!Array.isArray(v) && Object.values(v).every(isScalar) && Object.keys(v).length <= 3) lines.push(`${pad}${k}: ${flow(v)}`);
      else lines.push(`${pad}${k}:`, toYaml(v, indent + 2));
    }
  }
  return lines.join('\n');
}

function flow(v) {
  if (Array.isArray(v)) return `[${v.map(scalar).join(', ')}]`;
  return `{${Object.entries(v).map(([k, x]) => `${k}: ${scalar(x)}`).join(', ')}}`;
}
