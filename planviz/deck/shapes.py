"""Native shapes on a slide, placed in points: boxes, bars, diamonds and text boxes whose text was fitted first."""
from __future__ import annotations

from pptx.enum.shapes import MSO_SHAPE
from pptx.oxml.ns import qn
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN

from .text import Fitted, _rgb, emu, fit_text, name_fonts, style_run

ALIGN = {"left": PP_ALIGN.LEFT, "center": PP_ALIGN.CENTER, "right": PP_ALIGN.RIGHT}
ANCHOR = {"top": MSO_ANCHOR.TOP, "middle": MSO_ANCHOR.MIDDLE, "bottom": MSO_ANCHOR.BOTTOM}


def box(slide, x: float, y: float, w: float, h: float, fill: str | None = None, line: str | None = None,
        kind=MSO_SHAPE.RECTANGLE, line_width: float = 0.75, name: str | None = None):
    """A filled (or outlined) autoshape; no shadow, no text."""
    shape = slide.shapes.add_shape(kind, emu(x), emu(y), emu(w), emu(h))
    if fill:
        shape.fill.solid()
        shape.fill.fore_color.rgb = _rgb(fill)
    else:
        shape.fill.background()
    if line:
        shape.line.color.rgb = _rgb(line)
        shape.line.width = emu(line_width)
    else:
        shape.line.fill.background()
    # no theme style: LibreOffice would draw its shadow under shapes and text
    style = shape._element.find(qn("p:style"))
    if style is not None:
        shape._element.remove(style)
    if name:
        shape.name = name
    return shape


def rounded(slide, x, y, w, h, fill=None, line=None, radius: float = 6, **kw):
    """A rounded rectangle whose corners are ``radius`` points, whatever its size."""
    shape = box(slide, x, y, w, h, fill, line, kind=MSO_SHAPE.ROUNDED_RECTANGLE, **kw)
    shape.adjustments[0] = min(0.5, radius / max(1.0, min(w, h)))
    return shape


def diamond(slide, cx: float, cy: float, d: float, color: str):
    """A ◆ of half-diagonal ``d`` centred on (cx, cy): a deadline."""
    return box(slide, cx - d, cy - d, 2 * d, 2 * d, color, "#FFFFFF", kind=MSO_SHAPE.DIAMOND, line_width=0.5,
               name="截止")


def write(shape, fitted: Fitted, color: str, align: str = "left", anchor: str = "top",
          margin: float = 0) -> None:
    """Put fitted lines into ``shape``'s text frame: one paragraph, lines joined by line breaks."""
    tf = shape.text_frame
    tf.word_wrap = True
    tf.auto_size = MSO_AUTO_SIZE.NONE
    tf.vertical_anchor = ANCHOR[anchor]
    tf.margin_left = tf.margin_right = emu(margin)
    tf.margin_top = tf.margin_bottom = 0
    p = tf.paragraphs[0]
    p.alignment = ALIGN[align]
    for n, text in enumerate(fitted.lines):
        if n:
            p.add_line_break()
        run = p.add_run()
        run.text = text
        style_run(run, fitted.size, color, fitted.bold)
    # the paragraph's end mark carries the fonts too: an empty box edited later types in them
    end = p._p.get_or_add_endParaRPr()
    end.set("sz", str(round(fitted.size * 100)))
    name_fonts(end)


def text(slide, x: float, y: float, w: float, h: float, value: str, size: float, color: str, *,
         bold: bool = False, align: str = "left", anchor: str = "top", max_lines: int | None = None,
         min_size: float | None = None, fill: str | None = None, margin: float = 0, name: str | None = None,
         kind=MSO_SHAPE.RECTANGLE) -> Fitted:
    """A text box over (x, y, w, h) points holding ``value`` fitted to it; returns the fitting."""
    fitted = fit_text(value, w - 2 * margin, h, size, bold, max_lines, min_size)
    shape = box(slide, x, y, w, h, fill, kind=kind, name=name)
    write(shape, fitted, color, align, anchor, margin)
    return fitted
