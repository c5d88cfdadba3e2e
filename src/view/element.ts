/**
 * `<heat-fig>` (issue 17): `import 'heatfig/element'` registers a custom element that mounts
 * the interactive view in its own shadow root. Its spec comes from, in this order: the `spec`
 * property, a `spec` attribute (JSON), a `src` attribute (a URL of a spec, fetched), or a
 * child `<script type="application/json">`. `size="natural"` draws the figure at the size
 * its spec and data give (default: fitted to the element's width); `label` names the canvas
 * for screen readers (default: the figure's title). The view's events are dispatched from the
 * element as `hover`, `click`, `select` and `zoom` CustomEvents (detail as mount's); a spec
 * that cannot be read or drawn dispatches `error` and shows the message in place. No
 * inline script or style element is needed, so a strict CSP allows it.
 */
import type { Spec } from '../spec/spec-type.ts';
import {
  type MountOptions,
  mount,
  type ViewData,
  type ViewEvents,
  type ViewHandle,
} from './mount.ts';

const EVENTS: readonly (keyof ViewEvents)[] = ['hover', 'click', 'select', 'zoom'];

export class HeatFigElement extends HTMLElement {
  static readonly observedAttributes = ['spec', 'src', 'size', 'label'];
  #root: ShadowRoot;
  #host: HTMLDivElement;
  #spec: Spec | null = null;
  #data: ViewData | undefined;
  #view: ViewHandle | null = null;
  /** Each load's number: a fetch that a later load overtook draws nothing. */
  #loads = 0;

  constructor() {
    super();
    this.#root = this.attachShadow({ mode: 'open' });
    this.#host = this.ownerDocument.createElement('div');
    this.#root.append(this.#host);
  }

  /** The spec drawn (set it to draw another; it wins over the attributes). */
  get spec(): Spec | null {
    return this.#spec;
  }
  set spec(spec: Spec | null) {
    this.#spec = spec;
    if (this.isConnected) void this.#load();
  }

  /** Data as JavaScript has it (mount's `data`), for a spec without its own. */
  get data(): ViewData | undefined {
    return this.#data;
  }
  set data(data: ViewData | undefined) {
    this.#data = data;
    if (this.isConnected) void this.#load();
  }

  /** The mounted view's handle (update, toSVG, toPNG), or null before it is drawn. */
  get view(): ViewHandle | null {
    return this.#view;
  }

  connectedCallback(): void {
    // Block-level, so a fitted view takes the width the page gives the element.
    if (!this.style.display) this.style.display = 'block';
    void this.#load();
  }

  disconnectedCallback(): void {
    this.#view?.destroy();
    this.#view = null;
  }

  attributeChangedCallback(): void {
    if (this.isConnected) void this.#load();
  }

  async #load(): Promise<void> {
    const load = ++this.#loads;
    let spec: Spec | null;
    try {
      spec = await this.#specOf();
    } catch (e) {
      return this.#fail(e);
    }
    if (load !== this.#loads || spec === null) return;
    try {
      this.#view?.destroy();
      this.#view = mount(this.#host, spec, this.#options());
      for (const name of EVENTS)
        this.#view.on(name, (detail) => this.dispatchEvent(new CustomEvent(name, { detail })));
    } catch (e) {
      this.#fail(e);
    }
  }

  /** mount's options from the data property and the `size` and `label` attributes. */
  #options(): MountOptions {
    const size = this.getAttribute('size');
    if (size !== null && size !== 'fit' && size !== 'natural')
      throw new Error(`heat-fig: size="${size}": expected "fit" or "natural"`);
    const label = this.getAttribute('label');
    return {
      ...(this.#data ? { data: this.#data } : {}),
      ...(size ? { size } : {}),
      ...(label ? { title: label } : {}),
    };
  }

  /** The spec from the property, the `spec` attribute, `src`, or a child JSON script. */
  async #specOf(): Promise<Spec | null> {
    if (this.#spec) return this.#spec;
    const attr = this.getAttribute('spec');
    if (attr) return JSON.parse(attr) as Spec;
    const src = this.getAttribute('src');
    if (src) {
      const r = await fetch(new URL(src, this.ownerDocument.baseURI));
      if (!r.ok) throw new Error(`heat-fig: ${src}: HTTP ${r.status}`);
      return (await r.json()) as Spec;
    }
    const script = this.querySelector('script[type="application/json"]');
    return script ? (JSON.parse(script.textContent ?? '') as Spec) : null;
  }

  #fail(e: unknown): void {
    const message = e instanceof Error ? e.message : String(e);
    this.#view?.destroy();
    this.#view = null;
    const p = this.ownerDocument.createElement('p');
    p.setAttribute('role', 'alert');
    p.textContent = message;
    this.#host.replaceChildren(p);
    this.dispatchEvent(new CustomEvent('error', { detail: { message } }));
  }
}

if (typeof customElements !== 'undefined' && !customElements.get('heat-fig'))
  customElements.define('heat-fig', HeatFigElement);
