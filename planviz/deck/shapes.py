"""Native shapes on a slide, placed in points: boxes, bars, diamonds and text boxes whose text was fitted first.

Shapes are written as DrawingML directly (one parse each): python-pptx's property layer costs
about 2 ms a shape, and a 300-item deck has some 2,000 of them.
"""
from __future__ import annotations

from weakref import WeakKeyDictionary
from xml.sax.saxutils import escape, quoteattr

from lxml import etree

from .text import EA_FONT, LANG, LATIN_FONT, Fitted, emu, fit_text

NS = ('xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" '
      'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"')
ALIGN = {"left": "l", "center": "ctr", "right": "r"}
ANCHOR = {"top": "t", "middle": "ctr", "bottom": "b"}
_ids: WeakKeyDictionary = WeakKeyDictionary()  # slide part → last shape id used


def _next_id(slide) -> int:
    part = slide.part
    if part not in _ids:
        _ids[part] = max((int(i) for i in slide.shapes._spTree.xpath("//p:cNvPr/@id")), default=1)
    _ids[part] += 1
    return _ids[part]


def resync(slide) -> None:
    """Forget the slide's last id after python-pptx added a shape itself (a chart, a picture)."""
    _ids.pop(slide.part, None)


def _fill(color: str | None) -> str:
    return f'<a:solidFill><a:srgbClr val="{color.lstrip("#").upper()}"/></a:solidFill>' if color else "<a:noFill/>"


def _line(color: str | None, width: float) -> str:
    if not color:
        return "<a:ln><a:noFill/></a:ln>"
    return f'<a:ln w="{emu(width)}">{_fill(color)}</a:ln>'


def run_props(tag: str, size: float, color: str | None = None, bold: bool = False) -> str:
    """Run properties naming the language and the latin, east-asian and complex-script faces."""
    fill = _fill(color) if color else ""
    return (f'<a:{tag} lang="{LANG}" altLang="en-US" sz="{round(size * 100)}" b="{int(bold)}" dirty="0">{fill}'
            f'<a:latin typeface="{LATIN_FONT}"/><a:ea typeface="{EA_FONT}"/><a:cs typeface="{LATIN_FONT}"/>'
            f'</a:{tag}>')


def _body(fitted: Fitted, color: str, align: str, anchor: str, margin: float) -> str:
    props = run_props("rPr", fitted.size, color, fitted.bold)
    parts = []
    for n, line in enumerate(fitted.lines):
        if n:
            parts.append(f"<a:br>{props}</a:br>")
        parts.append(f"<a:r>{props}<a:t>{escape(line)}</a:t></a:r>")
    inset = emu(margin)
    return (f'<p:txBody><a:bodyPr wrap="square" lIns="{inset}" tIns="0" rIns="{inset}" bIns="0" '
            f'anchor="{ANCHOR[anchor]}" rtlCol="0"><a:noAutofit/></a:bodyPr><a:lstStyle/>'
            f'<a:p><a:pPr algn="{ALIGN[align]}"/>{"".join(parts)}'
            f'{run_props("endParaRPr", fitted.size, color, fitted.bold)}</a:p></p:txBody>')


def _add(slide, x: float, y: float, w: float, h: float, kind: str, fill: str | None, line: str | None,
         line_width: float, name: str | None, body: str = "", adjust: int | None = None, text_box: bool = False):
    sid = _next_id(slide)
    box_attr = ' txBox="1"' if text_box else ""
    av = f'<a:gd name="adj" fmla="val {adjust}"/>' if adjust is not None else ""
    xml = (f'<p:sp {NS}><p:nvSpPr><p:cNvPr id="{sid}" name={quoteattr(name or f"形状 {sid}")}/>'
           f'<p:cNvSpPr{box_attr}/><p:nvPr/></p:nvSpPr>'
           f'<p:spPr><a:xfrm><a:off x="{emu(x)}" y="{emu(y)}"/><a:ext cx="{emu(w)}" cy="{emu(h)}"/></a:xfrm>'
           f'<a:prstGeom prst="{kind}"><a:avLst>{av}</a:avLst></a:prstGeom>{_fill(fill)}{_line(line, line_width)}'
           f'</p:spPr>{body}</p:sp>')
    slide.shapes._spTree.append(etree.fromstring(xml))


def box(slide, x: float, y: float, w: float, h: float, fill: str | None = None, line: str | None = None,
        kind: str = "rect", line_width: float = 0.75, name: str | None = None) -> None:
    """A filled (or outlined) preset shape ("rect", "roundRect", "diamond", "ellipse", "star5"), no text."""
    _add(slide, x, y, w, h, kind, fill, line, line_width, name)


def rounded(slide, x, y, w, h, fill=None, line=None, radius: float = 6, **kw) -> None:
    """A rounded rectangle whose corners are ``radius`` points, whatever its size."""
    adjust = round(100000 * min(0.5, radius / max(1.0, min(w, h))))
    _add(slide, x, y, w, h, "roundRect", fill, line, kw.get("line_width", 0.75), kw.get("name"), adjust=adjust)


def diamond(slide, cx: float, cy: float, d: float, color: str) -> None:
    """A ◆ of half-diagonal ``d`` centred on (cx, cy): a deadline."""
    box(slide, cx - d, cy - d, 2 * d, 2 * d, color, "#FFFFFF", kind="diamond", line_width=0.5, name="截止")


def text(slide, x: float, y: float, w: float, h: float, value: str, size: float, color: str, *,
         bold: bool = False, align: str = "left", anchor: str = "top", max_lines: int | None = None,
         min_size: float | None = None, fill: str | None = None, margin: float = 0, name: str | None = None,
         kind: str = "rect") -> Fitted:
    """A text box over (x, y, w, h) points holding ``value`` fitted to it; returns the fitting.

    The lines are joined by line breaks in one paragraph, the box never grows or shrinks its text
    (noAutofit), and its wrapping stays on: an office suite with a wider font wraps instead of spilling.
    """
    fitted = fit_text(value, w - 2 * margin, h, size, bold, max_lines, min_size)
    adjust = 50000 if kind == "roundRect" else None  # a pill
    _add(slide, x, y, w, h, kind, fill, None, 0.75, name, _body(fitted, color, align, anchor, margin), adjust,
         text_box=fill is None)
    return fitted
