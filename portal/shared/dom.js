// Builds DOM nodes from data without innerHTML, so nothing a clinic or a person typed can become
// markup.

/**
 * h('p', {class: 'lead'}, 'Hello ', h('strong', {}, name))
 * Attributes: `class`, `for`, `aria-*`, `data-*` and the rest as attributes; `on<event>` as
 * listeners; false/null/undefined leave the attribute out.
 */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value === false || value === null || value === undefined) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2).toLowerCase(), value);
    } else {
      element.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) {
      append(element, child);
    } else {
      element.append(child instanceof Node ? child : String(child));
    }
  }
}

/** Replaces the children of `element`. */
export function replace(element, ...children) {
  element.replaceChildren();
  append(element, children);
}

let ids = 0;
/** A page-unique id for label/description wiring. */
export function uid(prefix) {
  ids += 1;
  return `${prefix}-${ids}`;
}
