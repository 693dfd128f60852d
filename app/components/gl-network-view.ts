/**
 * The imperative half of the WebGL network view: a WebGL canvas, a 2D overlay for labels and the hovered
 * element, pan by dragging, zoom by the wheel around the pointer, and hover/click picking on the CPU. Frames are
 * drawn on demand (one per animation frame at most, only after something changed).
 */
import { buildGeometry, type GeometryEdge, type NodeLook } from './gl-network-geometry';
import { buildPickIndex, pick, type Pick, type PickIndex } from './gl-network-picking';
import { GlNetworkRenderer, MIN_NODE_RADIUS, softwareGl, type Viewport } from './gl-network-renderer';

export interface ViewNode extends NodeLook {
  label: string;
}

export interface ViewContent {
  positions: ArrayLike<number>;
  nodes: ReadonlyArray<ViewNode>;
  edges: ReadonlyArray<GeometryEdge>;
}

export interface ViewCallbacks {
  onPick(hit: Exclude<Pick, null>): void;
  /** What to call the hovered element, for the tooltip. */
  describe(hit: Exclude<Pick, null>): string;
}

/** Labels drawn at most in one frame; hubs always, the rest once zoomed in LABEL_ZOOM times the fitted view. */
const MAX_LABELS = 400;
const HUB_LABELS = 25;
const LABEL_ZOOM = 2.5;
/** Screen pixels per model unit of a disc's radius in the fitted view; discs grow with √zoom up to NODE_SCALE_MAX. */
const NODE_SCALE_FIT = 0.6;
const NODE_SCALE_MAX = 2;
const CLICK_SLOP_PX = 4;
/** Milliseconds without a viewport change after which the view is drawn again at full resolution. */
const SETTLE_MS = 150;
const PICK_TOLERANCE_PX = 4;

export class GlNetworkView {
  private readonly gl: HTMLCanvasElement;
  private readonly overlay: HTMLCanvasElement;
  private readonly tip: HTMLDivElement;
  private readonly renderer: GlNetworkRenderer;
  private content: ViewContent = { positions: [], nodes: [], edges: [] };
  /** Edges that can be picked (halos cannot: they repeat the edge above them), as indices into content.edges. */
  private pickable: number[] = [];
  private index: PickIndex | null = null;
  private hubs: number[] = [];
  private view: Viewport = { zoom: 1, pan: { x: 0, y: 0 } };
  private hover: Pick = null;
  private frame = 0;
  private ratio = 1;
  /** The zoom of the last fit(): discs and labels are sized against it. */
  private fitZoom = 1;
  /** Resolution while the viewport moves, as a fraction of the full one; the still view is always sharp. */
  private readonly motionScale: number;
  private moving = false;
  /** The viewport the label overlay was last drawn for: while moving it is carried along by a CSS transform. */
  private overlayView: Viewport | null = null;
  private settle: ReturnType<typeof setTimeout> | undefined;
  private readonly cleanup: (() => void)[] = [];

  /** Throws where there is no WebGL 2 (the caller falls back to cytoscape on canvas). */
  constructor(
    private readonly host: HTMLElement,
    private readonly callbacks: ViewCallbacks,
    options: { antialias?: boolean; motionScale?: number } = {},
  ) {
    const software = softwareGl();
    // A software rasteriser is bound by the pixels it fills: a quarter of them while moving, 4× the frames.
    this.motionScale = options.motionScale ?? (software ? 0.5 : 1);
    this.gl = layer(host, 'canvas');
    this.overlay = layer(host, 'canvas');
    this.tip = layer(host, 'div');
    this.tip.className = 'graph-tip small';
    this.tip.hidden = true;
    try {
      this.renderer = new GlNetworkRenderer(this.gl, { antialias: options.antialias ?? !software, opaqueLines: software });
    } catch (e) {
      for (const el of [this.gl, this.overlay, this.tip]) el.remove();
      throw e;
    }
    this.listen();
    const resize = new ResizeObserver(() => this.resize());
    resize.observe(host);
    this.cleanup.push(() => resize.disconnect());
    this.resize();
  }

  setContent(content: ViewContent): void {
    this.content = content;
    this.overlayView = null;
    this.renderer.setGeometry(buildGeometry(content));
    this.pickable = content.edges.flatMap((e, i) => (e.look.under ? [] : [i]));
    const radii = content.nodes.map((n) => n.size / 2);
    const pairs = this.pickable.map((i) => [content.edges[i].source, content.edges[i].target] as const);
    this.index = buildPickIndex(content.positions, radii, pairs);
    this.hubs = content.nodes
      .map((n, i) => [n.size, i])
      .sort((a, b) => b[0] - a[0])
      .slice(0, HUB_LABELS)
      .map(([, i]) => i);
    this.hover = null;
    this.request();
  }

  viewport(): Viewport {
    return { zoom: this.view.zoom, pan: { ...this.view.pan } };
  }

  setViewport(view: Viewport): void {
    this.view = { zoom: view.zoom, pan: { ...view.pan } };
    this.moving = true;
    clearTimeout(this.settle);
    this.settle = setTimeout(() => {
      this.moving = false;
      this.request();
    }, SETTLE_MS);
    this.request();
  }

  /** Where a gene's disc is drawn, in CSS pixels from the view's top left (for tests and the bench). */
  locate(label: string): { x: number; y: number } | null {
    const i = this.content.nodes.findIndex((n) => n.label === label);
    if (i < 0) return null;
    const [x, y] = this.toScreen(i);
    return { x, y };
  }

  /** Zoom and pan so every node shows, `padding` CSS pixels from the edges. */
  fit(padding = 20): void {
    const p = this.content.positions;
    if (p.length < 2) return;
    let [x0, y0, x1, y1] = [p[0], p[1], p[0], p[1]];
    for (let i = 0; i < p.length; i += 2) [x0, y0, x1, y1] = [Math.min(x0, p[i]), Math.min(y0, p[i + 1]), Math.max(x1, p[i]), Math.max(y1, p[i + 1])];
    const w = this.host.clientWidth - 2 * padding;
    const h = this.host.clientHeight - 2 * padding;
    const zoom = Math.min(w / Math.max(x1 - x0, 1), h / Math.max(y1 - y0, 1), 4);
    this.fitZoom = zoom;
    this.setViewport({ zoom, pan: { x: this.host.clientWidth / 2 - (zoom * (x0 + x1)) / 2, y: this.host.clientHeight / 2 - (zoom * (y0 + y1)) / 2 } });
  }

  destroy(): void {
    cancelAnimationFrame(this.frame);
    clearTimeout(this.settle);
    for (const f of this.cleanup) f();
    this.renderer.dispose();
    for (const el of [this.gl, this.overlay, this.tip]) el.remove();
  }

  private request(): void {
    if (!this.frame) this.frame = requestAnimationFrame(() => this.draw());
  }

  private draw(): void {
    this.frame = 0;
    const ratio = this.ratio * (this.moving ? this.motionScale : 1);
    const width = Math.max(1, Math.round(this.host.clientWidth * ratio));
    const height = Math.max(1, Math.round(this.host.clientHeight * ratio));
    // The canvas is stretched to its box by CSS: a smaller backing store costs fewer pixels to fill.
    if (this.gl.width !== width || this.gl.height !== height) [this.gl.width, this.gl.height] = [width, height];
    this.renderer.draw(this.view, ratio, this.nodeScale());
    // Text on a 2D canvas costs a software rasteriser ~30 ms a frame: while moving, the labels drawn for the
    // last still view are moved and scaled with the network by the compositor instead.
    if (this.moving && this.overlayView) this.transformOverlay(this.overlayView);
    else this.drawOverlay();
  }

  private transformOverlay(from: Viewport): void {
    const k = this.view.zoom / from.zoom;
    const x = this.view.pan.x - from.pan.x * k;
    const y = this.view.pan.y - from.pan.y * k;
    this.overlay.style.transform = `translate(${x}px, ${y}px) scale(${k})`;
  }

  private resize(): void {
    // At most 2 device pixels per CSS pixel: past that a software rasteriser pays for pixels nobody sees.
    this.ratio = Math.min(2, window.devicePixelRatio || 1);
    this.overlay.width = Math.max(1, Math.round(this.host.clientWidth * this.ratio));
    this.overlay.height = Math.max(1, Math.round(this.host.clientHeight * this.ratio));
    this.overlayView = null;
    this.request();
  }

  private nodeScale(): number {
    return Math.min(NODE_SCALE_MAX, NODE_SCALE_FIT * Math.sqrt(Math.max(1, this.view.zoom / this.fitZoom)));
  }

  private radiusPx(i: number): number {
    return Math.max(MIN_NODE_RADIUS, (this.content.nodes[i].size / 2) * this.nodeScale());
  }

  private toScreen(i: number): [number, number] {
    const p = this.content.positions;
    return [p[2 * i] * this.view.zoom + this.view.pan.x, p[2 * i + 1] * this.view.zoom + this.view.pan.y];
  }

  /** Hub labels, every visible label once discs are big enough to tell apart, and the hovered element. */
  private drawOverlay(): void {
    const ctx = this.overlay.getContext('2d');
    if (!ctx) return;
    this.overlayView = this.viewport();
    this.overlay.style.transform = '';
    ctx.setTransform(this.ratio, 0, 0, this.ratio, 0, 0);
    ctx.clearRect(0, 0, this.host.clientWidth, this.host.clientHeight);
    this.drawHover(ctx);
    ctx.font = '11px system-ui, sans-serif';
    ctx.textAlign = 'center';
    ctx.textBaseline = 'bottom';
    ctx.lineWidth = 3;
    ctx.strokeStyle = 'rgba(255,255,255,0.9)';
    ctx.fillStyle = '#1c2330';
    // Labels that would overlap one already placed are left out (hubs are placed first).
    const taken = new Set<number>();
    for (const i of this.labelled()) {
      const [x, y] = this.toScreen(i);
      const text = this.content.nodes[i].label;
      const bottom = y - this.radiusPx(i) - 2;
      const cells = labelCells(x - text.length * 3.2, x + text.length * 3.2, bottom - 12, bottom);
      if (cells.some((c) => taken.has(c))) continue;
      for (const c of cells) taken.add(c);
      ctx.strokeText(text, x, bottom);
      ctx.fillText(text, x, bottom);
    }
  }

  private labelled(): number[] {
    const w = this.host.clientWidth;
    const h = this.host.clientHeight;
    const inView = (i: number) => {
      const [x, y] = this.toScreen(i);
      return x >= 0 && y >= 0 && x <= w && y <= h;
    };
    const out = this.hubs.filter(inView);
    if (this.view.zoom < LABEL_ZOOM * this.fitZoom) return out;
    const shown = new Set(out);
    for (let i = 0; i < this.content.nodes.length && out.length < MAX_LABELS; i++) if (!shown.has(i) && inView(i)) out.push(i);
    return out;
  }

  private drawHover(ctx: CanvasRenderingContext2D): void {
    const hit = this.hover;
    if (!hit) return;
    ctx.strokeStyle = '#f5b400';
    ctx.lineWidth = 4;
    ctx.beginPath();
    if (hit.kind === 'node') {
      const [x, y] = this.toScreen(hit.index);
      ctx.arc(x, y, this.radiusPx(hit.index) + 3, 0, 2 * Math.PI);
    } else {
      const e = this.content.edges[this.pickable[hit.index]];
      ctx.moveTo(...this.toScreen(e.source));
      ctx.lineTo(...this.toScreen(e.target));
    }
    ctx.stroke();
  }

  private pickAt(clientX: number, clientY: number): Pick {
    if (!this.index) return null;
    const rect = this.host.getBoundingClientRect();
    const x = (clientX - rect.left - this.view.pan.x) / this.view.zoom;
    const y = (clientY - rect.top - this.view.pan.y) / this.view.zoom;
    const hit = pick(this.index, x, y, PICK_TOLERANCE_PX / this.view.zoom, this.nodeScale() / this.view.zoom);
    // Callers see indices into the content's edges, halos included.
    return hit?.kind === 'edge' ? { kind: 'edge', index: this.pickable[hit.index] } : hit;
  }

  private setHover(hit: Pick, clientX = 0, clientY = 0): void {
    const same = hit?.kind === this.hover?.kind && hit?.index === this.hover?.index;
    if (!same) {
      // Stored with the pick index for edges, so drawHover can find the pickable edge.
      this.hover = hit?.kind === 'edge' ? { kind: 'edge', index: this.pickable.indexOf(hit.index) } : hit;
      this.request();
    }
    this.host.style.cursor = hit ? 'pointer' : 'grab';
    this.tip.hidden = !hit;
    if (hit) {
      const rect = this.host.getBoundingClientRect();
      this.tip.textContent = this.callbacks.describe(hit);
      this.tip.style.left = `${clientX - rect.left + 12}px`;
      this.tip.style.top = `${clientY - rect.top + 12}px`;
    }
  }

  private listen(): void {
    let drag: { x: number; y: number; moved: boolean } | null = null;
    const on = <K extends keyof HTMLElementEventMap>(type: K, f: (e: HTMLElementEventMap[K]) => void, options?: AddEventListenerOptions) => {
      this.host.addEventListener(type, f, options);
      this.cleanup.push(() => this.host.removeEventListener(type, f));
    };
    on('pointerdown', (e) => {
      drag = { x: e.clientX, y: e.clientY, moved: false };
      this.host.setPointerCapture(e.pointerId);
    });
    on('pointermove', (e) => {
      if (!drag) return this.setHover(this.pickAt(e.clientX, e.clientY), e.clientX, e.clientY);
      const dx = e.clientX - drag.x;
      const dy = e.clientY - drag.y;
      if (!drag.moved && Math.hypot(dx, dy) < CLICK_SLOP_PX) return;
      drag = { x: e.clientX, y: e.clientY, moved: true };
      this.setHover(null);
      this.setViewport({ zoom: this.view.zoom, pan: { x: this.view.pan.x + dx, y: this.view.pan.y + dy } });
    });
    on('pointerup', (e) => {
      const click = drag && !drag.moved;
      drag = null;
      const hit = click ? this.pickAt(e.clientX, e.clientY) : null;
      if (hit) this.callbacks.onPick(hit);
    });
    on('pointerleave', () => this.setHover(null));
    on(
      'wheel',
      (e) => {
        e.preventDefault();
        const rect = this.host.getBoundingClientRect();
        const factor = Math.exp(-e.deltaY * (e.deltaMode === 1 ? 0.05 : 0.0015));
        const zoom = Math.min(50, Math.max(0.01, this.view.zoom * factor));
        const px = e.clientX - rect.left;
        const py = e.clientY - rect.top;
        // Keep the model point under the pointer where it is.
        const k = zoom / this.view.zoom;
        this.setViewport({ zoom, pan: { x: px - (px - this.view.pan.x) * k, y: py - (py - this.view.pan.y) * k } });
      },
      { passive: false },
    );
  }
}

/** Keys of the 16 × 12 px cells a label's box covers (up to 4,096 columns). */
function labelCells(x0: number, x1: number, y0: number, y1: number): number[] {
  const out: number[] = [];
  for (let row = Math.floor(y0 / 12); row <= Math.floor(y1 / 12); row++)
    for (let col = Math.floor(x0 / 16); col <= Math.floor(x1 / 16); col++) out.push(row * 4096 + col);
  return out;
}

function layer<K extends 'canvas' | 'div'>(host: HTMLElement, tag: K): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  el.style.position = 'absolute';
  if (tag === 'canvas') Object.assign(el.style, { inset: '0', width: '100%', height: '100%', pointerEvents: 'none', transformOrigin: '0 0' });
  else el.style.pointerEvents = 'none';
  host.appendChild(el);
  return el;
}
