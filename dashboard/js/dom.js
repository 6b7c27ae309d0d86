// The only way the dashboard builds markup. Strings always become text nodes, so article text,
// quotes and speaker names are shown as written and can never run as HTML (no HTML parsing of data anywhere).

/**
 * Creates an element with attributes, listeners (`onclick`, ...) and children.
 *
 * @example el('a', { href: '#/speakers', class: 'link' }, 'Speakers')
 * @param {string} tag
 * @param {Record<string, unknown>} [props]
 * @param {...unknown} children strings, numbers, nodes or (nested) arrays of them; null and false are skipped
 * @returns {HTMLElement}
 */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'class') node.className = String(value);
    else if (name === 'dataset') Object.assign(node.dataset, value);
    else if (name.startsWith('on') && typeof value === 'function')
      node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  append(node, children);
  return node;
}

/**
 * Appends children as nodes; anything that is not a node becomes a text node.
 *
 * @param {Node} node
 * @param {unknown[]} children
 */
export function append(node, children) {
  for (const child of children.flat(Number.POSITIVE_INFINITY)) {
    if (child === null || child === undefined || child === false) continue;
    node.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** @param {Node} node @param {...unknown} children */
export function replaceChildren(node, ...children) {
  while (node.firstChild) node.removeChild(node.firstChild);
  append(node, children);
}
