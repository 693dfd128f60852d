/**
 * A small WebGL 2 renderer for big networks: the geometry (gl-network-geometry.ts) is uploaded once, and a
 * frame sets the viewport (zoom and pan, as cytoscape's `rendered = model × zoom + pan`) and issues four draw
 * calls: wide edges (halos first) as triangles, thin edges as lines, heads and nodes as point sprites. Labels are not drawn here (a 2D overlay).
 */
import { EDGE_VERTEX_FLOATS, type Geometry, HEAD_LENGTH, HEAD_WIDTH, NODE_FLOATS, TEE_THICKNESS, TEE_WIDTH } from './gl-network-geometry';

export interface Viewport {
  zoom: number;
  pan: { x: number; y: number };
}

export interface RendererOptions {
  /** Multisampling: smooth lines on a GPU; on a software rasteriser it costs more than the frame. */
  antialias: boolean;
  /** Thin edges without blending (their opacity mixed with the background): cheaper on a software rasteriser. */
  opaqueLines: boolean;
}

const EDGE_VS = `#version 300 es
in vec2 a_a; in vec2 a_b; in vec4 a_shape; in float a_trim; in vec4 a_colour;
uniform float u_zoom; uniform vec2 u_pan; uniform vec2 u_size; uniform float u_minRadius; uniform float u_nodeScale; uniform float u_px;
uniform float u_opaque;
out vec4 v_colour; out float v_dist; out float v_dash;
void main() {
  vec2 sa = a_a * u_zoom + u_pan;
  vec2 sb = a_b * u_zoom + u_pan;
  vec2 d = sb - sa;
  float len = length(d);
  vec2 dir = len > 1e-6 ? d / len : vec2(1.0, 0.0);
  vec2 perp = vec2(-dir.y, dir.x);
  // The target end stops at the rim of the target's disc, where the arrowhead's tip goes.
  float trim = max(u_minRadius, a_trim * u_nodeScale) + 1.0;
  // Offsets are CSS pixels; a line stays at least one device pixel wide, or a reduced resolution loses it.
  float back = a_shape.y * u_px;
  float side = sign(a_shape.z) * max(abs(a_shape.z) * u_px, 0.5);
  vec2 base = a_shape.x < 0.5 ? sa : sb - dir * trim;
  vec2 p = base - dir * back + perp * side;
  v_dist = (a_shape.x < 0.5 ? 0.0 : max(0.0, len - trim - back)) / u_px;
  v_dash = a_shape.w;
  // Opaque: the opacity mixed with the view's background beforehand, so no blending is needed.
  v_colour = u_opaque > 0.5 ? vec4(mix(vec3(0.988, 0.992, 0.996), a_colour.rgb, a_colour.a), 1.0) : a_colour;
  gl_Position = vec4(p.x / u_size.x * 2.0 - 1.0, 1.0 - p.y / u_size.y * 2.0, 0.0, 1.0);
}`;

const EDGE_FS = `#version 300 es
precision mediump float;
in vec4 v_colour; in float v_dist; in float v_dash;
out vec4 colour;
void main() {
  if (v_dash > 0.5 && mod(v_dist, 8.0) > 5.0) discard;
  colour = vec4(v_colour.rgb * v_colour.a, v_colour.a);
}`;

/** A head is a point sprite on the line, turned by the fragment shader into a triangle or a bar along it. */
const HEAD_VS = `#version 300 es
in vec2 a_a; in vec2 a_b; in vec4 a_shape; in float a_trim; in vec4 a_colour;
uniform float u_zoom; uniform vec2 u_pan; uniform vec2 u_size; uniform float u_minRadius; uniform float u_nodeScale; uniform float u_px;
out vec4 v_colour; flat out vec2 v_dir; flat out float v_kind; flat out float v_scale; flat out float v_size;
void main() {
  vec2 sa = a_a * u_zoom + u_pan;
  vec2 sb = a_b * u_zoom + u_pan;
  vec2 d = sb - sa;
  float len = length(d);
  vec2 dir = len > 1e-6 ? d / len : vec2(1.0, 0.0);
  float trim = max(u_minRadius, a_trim * u_nodeScale) + 1.0;
  vec2 p = sb - dir * (trim + a_shape.y * u_px);
  float scale = a_shape.z * u_px;
  // Just big enough for the turned shape: a software rasteriser shades every pixel of the sprite.
  v_size = ceil((a_shape.w < 1.5 ? ${Math.hypot(HEAD_LENGTH, HEAD_WIDTH).toFixed(2)} : ${Math.hypot(TEE_THICKNESS + 1, TEE_WIDTH).toFixed(2)}) * scale) + 1.0;
  gl_PointSize = v_size;
  v_dir = dir; v_kind = a_shape.w; v_scale = scale; v_colour = a_colour;
  gl_Position = vec4(p.x / u_size.x * 2.0 - 1.0, 1.0 - p.y / u_size.y * 2.0, 0.0, 1.0);
}`;

const HEAD_FS = `#version 300 es
precision mediump float;
in vec4 v_colour; flat in vec2 v_dir; flat in float v_kind; flat in float v_scale; flat in float v_size;
out vec4 colour;
void main() {
  vec2 q = (gl_PointCoord - 0.5) * v_size;
  float along = dot(q, v_dir);
  float across = abs(dot(q, vec2(-v_dir.y, v_dir.x)));
  if (v_kind < 1.5) {
    float l = ${HEAD_LENGTH.toFixed(1)} * v_scale;
    float h = ${(HEAD_WIDTH / 2).toFixed(1)} * v_scale;
    if (along < -l * 0.5 || along > l * 0.5 || across > h * (0.5 - along / l)) discard;
  } else if (abs(along) > (${TEE_THICKNESS.toFixed(1)} * v_scale + 1.0) * 0.5 || across > ${(TEE_WIDTH / 2).toFixed(1)} * v_scale) discard;
  colour = vec4(v_colour.rgb * v_colour.a, v_colour.a);
}`;

const NODE_VS = `#version 300 es
in vec2 a_pos; in float a_radius; in vec4 a_colour;
uniform float u_zoom; uniform vec2 u_pan; uniform vec2 u_size; uniform float u_minRadius; uniform float u_nodeScale;
out vec4 v_colour; out float v_size;
void main() {
  vec2 p = a_pos * u_zoom + u_pan;
  v_size = 2.0 * max(u_minRadius, a_radius * u_nodeScale) + 1.0;
  gl_PointSize = v_size;
  v_colour = a_colour;
  gl_Position = vec4(p.x / u_size.x * 2.0 - 1.0, 1.0 - p.y / u_size.y * 2.0, 0.0, 1.0);
}`;

const NODE_FS = `#version 300 es
precision mediump float;
in vec4 v_colour; in float v_size;
out vec4 colour;
void main() {
  float r = length(gl_PointCoord - 0.5) * v_size;
  float edge = v_size * 0.5;
  if (r > edge) discard;
  // A light rim keeps discs apart where they touch.
  vec3 rgb = r > edge - 1.0 ? vec3(1.0) : v_colour.rgb;
  colour = vec4(rgb, 1.0);
}`;

/** Smallest radius of a disc on screen, in pixels, so far-out views still show the genes. */
export const MIN_NODE_RADIUS = 1.5;

export class GlNetworkRenderer {
  private readonly gl: WebGL2RenderingContext;
  private readonly edgeProgram: WebGLProgram;
  private readonly nodeProgram: WebGLProgram;
  private readonly headProgram: WebGLProgram;
  private readonly headVao: WebGLVertexArrayObject;
  private readonly edgeVao: WebGLVertexArrayObject;
  private readonly nodeVao: WebGLVertexArrayObject;
  private readonly edgeBuffer: WebGLBuffer;
  private readonly nodeBuffer: WebGLBuffer;
  private runs = { quads: 0, lines: 0, heads: 0 };
  private readonly opaqueLines: boolean;
  private nodeCount = 0;

  /** Throws where the browser gives no WebGL 2 context. */
  constructor(
    readonly canvas: HTMLCanvasElement,
    options: RendererOptions,
  ) {
    const gl = canvas.getContext('webgl2', { antialias: options.antialias, premultipliedAlpha: true, alpha: true });
    if (!gl) throw new Error('This browser has no WebGL 2.');
    this.gl = gl;
    this.opaqueLines = options.opaqueLines;
    this.edgeProgram = program(gl, EDGE_VS, EDGE_FS);
    this.nodeProgram = program(gl, NODE_VS, NODE_FS);
    this.headProgram = program(gl, HEAD_VS, HEAD_FS);
    this.edgeBuffer = gl.createBuffer();
    this.nodeBuffer = gl.createBuffer();
    this.edgeVao = gl.createVertexArray();
    this.nodeVao = gl.createVertexArray();
    this.headVao = gl.createVertexArray();
    const stride = EDGE_VERTEX_FLOATS * 4;
    const edgeAttributes: [string, number, number, boolean?][] = [
      ['a_a', 2, 0],
      ['a_b', 2, 8],
      ['a_shape', 4, 16],
      ['a_trim', 1, 32],
      ['a_colour', 4, 36, true],
    ];
    this.attributes(this.edgeProgram, this.edgeVao, this.edgeBuffer, stride, edgeAttributes);
    this.attributes(this.headProgram, this.headVao, this.edgeBuffer, stride, edgeAttributes);
    this.attributes(this.nodeProgram, this.nodeVao, this.nodeBuffer, NODE_FLOATS * 4, [
      ['a_pos', 2, 0],
      ['a_radius', 1, 8],
      ['a_colour', 4, 12, true],
    ]);
  }

  private attributes(prog: WebGLProgram, vao: WebGLVertexArrayObject, buffer: WebGLBuffer, stride: number, list: [string, number, number, boolean?][]) {
    const gl = this.gl;
    gl.bindVertexArray(vao);
    gl.bindBuffer(gl.ARRAY_BUFFER, buffer);
    for (const [name, size, offset, bytes] of list) {
      const loc = gl.getAttribLocation(prog, name);
      gl.enableVertexAttribArray(loc);
      gl.vertexAttribPointer(loc, size, bytes ? gl.UNSIGNED_BYTE : gl.FLOAT, Boolean(bytes), stride, offset);
    }
    gl.bindVertexArray(null);
  }

  /** The one upload: after this a frame costs a few uniforms and two draw calls. */
  setGeometry(geometry: Geometry): void {
    const gl = this.gl;
    gl.bindBuffer(gl.ARRAY_BUFFER, this.edgeBuffer);
    gl.bufferData(gl.ARRAY_BUFFER, geometry.edgeVertices, gl.STATIC_DRAW);
    gl.bindBuffer(gl.ARRAY_BUFFER, this.nodeBuffer);
    gl.bufferData(gl.ARRAY_BUFFER, geometry.nodeData, gl.STATIC_DRAW);
    this.runs = { quads: geometry.quadVertices, lines: geometry.lineVertices, heads: geometry.headVertices };
    this.nodeCount = geometry.nodeCount;
  }

  /**
   * Draws at the canvas's backing size; `pixelRatio` scales the CSS-pixel viewport to it. `nodeScale`: screen
   * pixels per model unit of a disc's radius (discs grow slower than the zoom, or 2,000 genes cover the edges).
   */
  draw(view: Viewport, pixelRatio: number, nodeScale: number): void {
    const gl = this.gl;
    const { width, height } = this.canvas;
    gl.viewport(0, 0, width, height);
    gl.clearColor(0, 0, 0, 0);
    gl.clear(gl.COLOR_BUFFER_BIT);
    gl.enable(gl.BLEND);
    gl.blendFunc(gl.ONE, gl.ONE_MINUS_SRC_ALPHA);
    const { quads, lines, heads } = this.runs;
    for (const [prog, vao, mode, first, count] of [
      [this.edgeProgram, this.edgeVao, gl.TRIANGLES, 0, quads],
      [this.edgeProgram, this.edgeVao, gl.LINES, quads, lines],
      [this.headProgram, this.headVao, gl.POINTS, quads + lines, heads],
      [this.nodeProgram, this.nodeVao, gl.POINTS, 0, this.nodeCount],
    ] as const) {
      // biome-ignore lint/correctness/useHookAtTopLevel: WebGL's useProgram, not a React hook
      gl.useProgram(prog);
      gl.uniform1f(gl.getUniformLocation(prog, 'u_zoom'), view.zoom * pixelRatio);
      gl.uniform2f(gl.getUniformLocation(prog, 'u_pan'), view.pan.x * pixelRatio, view.pan.y * pixelRatio);
      gl.uniform2f(gl.getUniformLocation(prog, 'u_size'), width, height);
      gl.uniform1f(gl.getUniformLocation(prog, 'u_minRadius'), MIN_NODE_RADIUS * pixelRatio);
      gl.uniform1f(gl.getUniformLocation(prog, 'u_nodeScale'), nodeScale * pixelRatio);
      gl.uniform1f(gl.getUniformLocation(prog, 'u_px'), pixelRatio);
      gl.bindVertexArray(vao);
      const opaque = this.opaqueLines && mode === gl.LINES;
      gl.uniform1f(gl.getUniformLocation(prog, 'u_opaque'), opaque ? 1 : 0);
      if (opaque) gl.disable(gl.BLEND);
      else gl.enable(gl.BLEND);
      gl.drawArrays(mode, first, count);
    }
    gl.bindVertexArray(null);
  }

  dispose(): void {
    const gl = this.gl;
    gl.deleteBuffer(this.edgeBuffer);
    gl.deleteBuffer(this.nodeBuffer);
    gl.deleteVertexArray(this.edgeVao);
    gl.deleteVertexArray(this.nodeVao);
    gl.deleteVertexArray(this.headVao);
    gl.deleteProgram(this.headProgram);
    gl.deleteProgram(this.edgeProgram);
    gl.deleteProgram(this.nodeProgram);
  }
}

function program(gl: WebGL2RenderingContext, vs: string, fs: string): WebGLProgram {
  const p = gl.createProgram();
  for (const [type, src] of [
    [gl.VERTEX_SHADER, vs],
    [gl.FRAGMENT_SHADER, fs],
  ] as const) {
    const s = gl.createShader(type);
    if (!s) throw new Error('WebGL could not create a shader.');
    gl.shaderSource(s, src);
    gl.compileShader(s);
    if (!gl.getShaderParameter(s, gl.COMPILE_STATUS)) throw new Error(`WebGL shader: ${gl.getShaderInfoLog(s)}`);
    gl.attachShader(p, s);
  }
  gl.linkProgram(p);
  if (!gl.getProgramParameter(p, gl.LINK_STATUS)) throw new Error(`WebGL program: ${gl.getProgramInfoLog(p)}`);
  return p;
}

/** Whether WebGL here runs on a software rasteriser (SwiftShader, llvmpipe): then multisampling is left off. */
export function softwareGl(): boolean {
  const gl = document.createElement('canvas').getContext('webgl2');
  if (!gl) return false;
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  const name = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  return /swiftshader|llvmpipe|software/i.test(name);
}
