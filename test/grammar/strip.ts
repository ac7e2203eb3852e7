/** Drop spans (and the original type spelling) so ASTs compare by shape. */
export function strip(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(strip);
  if (node && typeof node === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(node)) if (k !== 'span' && k !== 'text') out[k] = strip(v);
    if ((node as { kind?: unknown }).kind === 'number') out['text'] = (node as { text: unknown }).text;
    return out;
  }
  return node;
}
