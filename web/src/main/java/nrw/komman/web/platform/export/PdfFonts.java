package nrw.komman.web.platform.export;

import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.FontSelector;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.PdfStamper;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The fonts of the PDF exports: the PDF standard fonts Helvetica and Courier with Windows-1252 encoding, which
 * every reader has and which cover German (ä ö ü ß, „ “ – and €), so no font of the machine is needed. A
 * character outside Windows-1252 (a Turkish ş in a name, a Greek or Cyrillic letter) is set in Liberation Sans,
 * which ships inside OpenPDF's jar and is embedded as a subset, instead of silently disappearing.
 */
public final class PdfFonts {

    private static final String FALLBACK_FONT = "font-fallback/LiberationSans-Regular.ttf";

    public final Font title;
    public final Font subtitle;
    public final Font heading;
    public final Font regular;
    public final Font bold;
    public final Font table;
    public final Font tableBold;
    final Font footer;
    public final Font alarm;
    public final Font mono;
    public final Font monoSmall;
    private final BaseFont fallback;

    public PdfFonts() {
        BaseFont helvetica = standard(BaseFont.HELVETICA);
        BaseFont helveticaBold = standard(BaseFont.HELVETICA_BOLD);
        BaseFont courier = standard(BaseFont.COURIER);
        title = new Font(helveticaBold, 16);
        subtitle = new Font(helvetica, 12);
        heading = new Font(helveticaBold, 11);
        regular = new Font(helvetica, 9);
        bold = new Font(helveticaBold, 9);
        table = new Font(helvetica, 7);
        tableBold = new Font(helveticaBold, 7);
        footer = new Font(helvetica, 7.5f, Font.NORMAL, Color.DARK_GRAY);
        alarm = new Font(helveticaBold, 9, Font.NORMAL, new Color(0xB0, 0x00, 0x20));
        mono = new Font(courier, 9);
        monoSmall = new Font(courier, 7);
        fallback = fallback();
    }

    /** The text in the given font, with characters that font lacks in Liberation Sans of the same size. */
    public Phrase phrase(String text, Font font) {
        if (fallback == null) {
            return new Phrase(text, font);
        }
        FontSelector selector = new FontSelector();
        selector.addFont(font);
        selector.addFont(new Font(fallback, font.getSize(), Font.NORMAL, font.getColor()));
        Phrase phrase = selector.process(text);
        if (phrase.isEmpty()) {
            // FontSelector drops what no font has; an empty phrase would collapse the row
            return new Phrase(text, font);
        }
        return phrase;
    }

    private static BaseFont standard(String name) {
        try {
            return BaseFont.createFont(name, BaseFont.CP1252, BaseFont.NOT_EMBEDDED);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Null when OpenPDF's jar no longer ships the font: then such characters are missing, nothing fails. */
    private static BaseFont fallback() {
        try (InputStream in = PdfFonts.class.getClassLoader().getResourceAsStream(FALLBACK_FONT)) {
            if (in == null) {
                return null;
            }
            return BaseFont.createFont("LiberationSans-Regular.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED,
                    true, in.readAllBytes(), null);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** A section heading of an export. */
    /** The thin grey rule between the lines of a facts table. */
    public static final Color RULE = new Color(0x99, 0x99, 0x99);

    /** A cell of a facts table (label or value): no frame but a thin rule below. */
    public com.lowagie.text.pdf.PdfPCell factCell(String text, Font font) {
        com.lowagie.text.pdf.PdfPCell cell = new com.lowagie.text.pdf.PdfPCell(phrase(text, font));
        cell.setBorder(Rectangle.BOTTOM);
        cell.setBorderColor(RULE);
        cell.setBorderWidth(0.5f);
        cell.setPadding(3);
        return cell;
    }

    public Paragraph heading(String text) {
        Paragraph heading = new Paragraph(phrase(text, this.heading));
        heading.setSpacingBefore(8);
        heading.setSpacingAfter(4);
        return heading;
    }

    /** The second pass of an export: the page count is known only now; {@code left} goes into every footer. */
    public byte[] numberPages(byte[] body, String left, float margin, float y) {
        try {
            PdfReader reader = new PdfReader(body);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            PdfStamper stamper = new PdfStamper(reader, out);
            int pages = reader.getNumberOfPages();
            for (int page = 1; page <= pages; page++) {
                Rectangle size = reader.getPageSizeWithRotation(page);
                PdfContentByte over = stamper.getOverContent(page);
                ColumnText.showTextAligned(over, Element.ALIGN_LEFT,
                        phrase(left, footer), margin, y, 0);
                ColumnText.showTextAligned(over, Element.ALIGN_RIGHT,
                        phrase("Seite " + page + " von " + pages, footer), size.getWidth() - margin, y, 0);
            }
            stamper.close();
            reader.close();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Die Seitenzahlen ließen sich nicht setzen.", e);
        }
    }
}
