/** Visit every AST node (objects with a string `kind`) under a root, depth first. */
export function walkAst(root: unknown, visit: (node: { readonly kind: string }) => void): void {
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const x = stack.pop();
    if (x === null || typeof x !== 'object') continue;
    if (Array.isArray(x)) {
      for (const v of x) stack.push(v);
      continue;
    }
    const rec = x as Record<string, unknown>;
    if (typeof rec['kind'] === 'string') visit(rec as { kind: string });
    for (const [k, v] of Object.entries(rec)) if (k !== 'span' && typeof v === 'object') stack.push(v);
  }
}
