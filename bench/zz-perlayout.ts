import { layouts } from '../layouts/registry';
export function perLayout() {
  const out: Record<string, number> = {};
  for (const l of layouts) {
    const t = performance.now();
    for (let i = 0; i < 5; i++) l.findThread(document);
    out[l.name] = (performance.now() - t) / 5;
  }
  return out;
}
