package cn.fuyou.births.internal;

import cn.fuyou.births.BirthCertificate;
import cn.fuyou.births.ScreeningRules;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.format.DateTimeFormatter;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.stereotype.Component;

/**
 * The birth medical certificate as a printable PDF (Apache PDFBox), A4 landscape, Chinese first with
 * English labels. The CJK font (Droid Sans Fallback, Apache-2.0, {@code fonts/}) ships with fuyou and is
 * embedded as a subset, so the PDF prints the same on every machine.
 */
@Component
public class CertificatePdf {

    private static final String FONT = "/fonts/DroidSansFallbackFull.ttf";
    private static final String LATIN = "/fonts/DejaVuSans.ttf";
    private static final DateTimeFormatter BORN = DateTimeFormatter.ofPattern("yyyy年MM月dd日 HH时mm分");
    private static final DateTimeFormatter ISSUED = DateTimeFormatter.ofPattern("yyyy年MM月dd日");

    public byte[] render(BirthCertificate c) {
        try (PDDocument doc = new PDDocument(); InputStream font = CertificatePdf.class.getResourceAsStream(FONT);
             InputStream latin = CertificatePdf.class.getResourceAsStream(LATIN)) {
            if (font == null || latin == null) throw new IllegalStateException("fonts " + FONT + ", " + LATIN + " missing from the classpath");
            Fonts f = new Fonts(PDType0Font.load(doc, latin, true), PDType0Font.load(doc, font, true));
            PDRectangle a4 = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());
            PDPage page = new PDPage(a4);
            doc.addPage(page);
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle("出生医学证明 " + c.number());
            info.setCreator("fuyou");
            float w = a4.getWidth(), h = a4.getHeight();
            try (PDPageContentStream s = new PDPageContentStream(doc, page)) {
                s.setLineWidth(2f);
                s.addRect(28, 28, w - 56, h - 56);
                s.stroke();
                s.setLineWidth(0.6f);
                s.addRect(34, 34, w - 68, h - 68);
                s.stroke();
                text(s, f, 30, w / 2 - 90, h - 90, "出生医学证明");
                text(s, f, 12, w / 2 - 58, h - 110, "Medical Certificate of Birth");
                text(s, f, 13, w - 250, h - 70, "编号 No. " + c.number());
                if (!"FIRST".equals(c.kind())) {
                    text(s, f, 11, 60, h - 70, ("REISSUE".equals(c.kind()) ? "补发 Reissue" : "换发 Replacement") + "：" + nz(c.reason()));
                }
                if ("SUPERSEDED".equals(c.status())) text(s, f, 11, 60, h - 86, "已被新证替代 Superseded");
                float y = h - 160, left = 70, mid = w / 2 + 20;
                String[][] child = {
                        {"新生儿姓名 Name", c.childName()},
                        {"性别 Sex", sex(c.sex())},
                        {"出生时间 Date and time of birth", c.bornAt().atZoneSameInstant(ScreeningRules.CHINA).format(BORN)},
                        {"出生地点 Place of birth", c.birthPlace()},
                        {"出生孕周 Gestational age", (c.gaDays() / 7) + "周" + (c.gaDays() % 7 > 0 ? "+" + c.gaDays() % 7 + "天" : "")},
                        {"出生体重 Birth weight", c.weightG() + " 克 g"},
                        {"出生身长 Birth length", c.lengthCm() == null ? "—" : c.lengthCm().stripTrailingZeros().toPlainString() + " 厘米 cm"},
                };
                for (String[] row : child) {
                    field(s, f, left, y, row[0], row[1]);
                    y -= 34;
                }
                float y2 = h - 160;
                String[][] parents = {
                        {"母亲姓名 Mother", c.motherName()},
                        {"国籍 / 民族 Nationality / ethnicity", c.motherNationality() + " / " + nz(c.motherEthnicity())},
                        {"有效身份证件 Identity document", idType(c.motherIdType()) + " " + c.motherIdNumber()},
                        {"父亲姓名 Father", c.fatherName() == null ? "—" : c.fatherName()},
                        {"国籍 / 民族 Nationality / ethnicity", c.fatherName() == null ? "—" : nz(c.fatherNationality()) + " / " + nz(c.fatherEthnicity())},
                        {"有效身份证件 Identity document", c.fatherIdNumber() == null ? "—" : idType(c.fatherIdType()) + " " + c.fatherIdNumber()},
                };
                for (String[] row : parents) {
                    field(s, f, mid, y2, row[0], row[1]);
                    y2 -= 34;
                }
                text(s, f, 13, left, 80, "接生机构 Institution of delivery：" + c.institutionNameZh());
                text(s, f, 10, left, 64, c.institutionNameEn());
                text(s, f, 13, mid, 80, "签发日期 Date of issue：" + c.issuedAt().atZoneSameInstant(ScreeningRules.CHINA).format(ISSUED));
                text(s, f, 10, mid, 64, "签发人 Issued by：" + c.issuedBy() + "（出生医学证明专用章 seal）");
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("certificate PDF " + c.number(), e);
        }
    }

    private static void field(PDPageContentStream s, Fonts f, float x, float y, String label, String value) throws IOException {
        text(s, f, 9, x, y + 13, label);
        text(s, f, 14, x, y - 4, value == null ? "—" : value);
        s.moveTo(x, y - 8);
        s.lineTo(x + 330, y - 8);
        s.stroke();
    }

    /** Latin text in DejaVu Sans, Chinese in Droid Sans Fallback: each run in the font that has its glyphs. */
    private record Fonts(PDType0Font latin, PDType0Font cjk) {}

    private static void text(PDPageContentStream s, Fonts f, float size, float x, float y, String t) throws IOException {
        s.beginText();
        s.newLineAtOffset(x, y);
        PDType0Font current = null;
        StringBuilder run = new StringBuilder();
        for (int i = 0; i < t.length(); ) {
            int cp = t.codePointAt(i);
            i += Character.charCount(cp);
            String ch = new String(Character.toChars(cp));
            PDType0Font font = canEncode(f.latin(), ch) ? f.latin() : canEncode(f.cjk(), ch) ? f.cjk() : f.latin();
            if (font == f.latin() && !canEncode(f.latin(), ch)) ch = "?"; // a character neither font has
            if (font != current && run.length() > 0) {
                s.setFont(current, size);
                s.showText(run.toString());
                run.setLength(0);
            }
            current = font;
            run.append(ch);
        }
        if (run.length() > 0) {
            s.setFont(current, size);
            s.showText(run.toString());
        }
        s.endText();
    }

    private static boolean canEncode(PDType0Font font, String ch) {
        try {
            font.encode(ch);
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static String nz(String s) {
        return s == null || s.isBlank() ? "—" : s;
    }

    private static String sex(String s) {
        return switch (s) {
            case "M" -> "男 Male";
            case "F" -> "女 Female";
            default -> "未定 Undetermined";
        };
    }

    private static String idType(String t) {
        if (t == null) return "";
        return switch (t) {
            case "RESIDENT_ID" -> "居民身份证";
            case "PASSPORT" -> "护照";
            default -> "其他证件";
        };
    }
}
