package cn.fuyou.registry;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The 18-character citizen identification number of GB 11643-1999: 6-digit address code,
 * 8-digit birth date, 3-digit sequence (odd = male, even = female), ISO 7064 MOD 11-2 check
 * character. {@link #parse} says precisely what is wrong, so the form can tell the clerk.
 */
public record ResidentIdNumber(String value, LocalDate birthDate, char sex) {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = "10X98765432".toCharArray();

    public sealed interface Result permits Valid, Invalid {}
    public record Valid(ResidentIdNumber id) implements Result {}
    public record Invalid(String reasonZh, String reasonEn) implements Result {
        public String message() { return reasonZh + " / " + reasonEn; }
    }

    public static Result parse(String raw) {
        if (raw == null) return new Invalid("身份证号不能为空", "ID number is required");
        String s = raw.trim().toUpperCase();
        if (s.length() != 18) {
            return new Invalid("身份证号应为18位（当前" + s.length() + "位）", "ID number must have 18 characters (has " + s.length() + ")");
        }
        for (int i = 0; i < 17; i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return new Invalid("身份证号前17位必须是数字", "the first 17 characters must be digits");
            }
        }
        char last = s.charAt(17);
        if (!Character.isDigit(last) && last != 'X') {
            return new Invalid("身份证号最后一位必须是数字或X", "the last character must be a digit or X");
        }
        LocalDate birth;
        try {
            birth = LocalDate.of(Integer.parseInt(s.substring(6, 10)), Integer.parseInt(s.substring(10, 12)),
                    Integer.parseInt(s.substring(12, 14)));
        } catch (DateTimeException e) {
            return new Invalid("身份证号中的出生日期无效", "the birth date inside the ID number is not a real date");
        }
        if (birth.getYear() < 1900 || birth.isAfter(cn.fuyou.shared.ChinaTime.today())) {
            return new Invalid("身份证号中的出生日期无效", "the birth date inside the ID number is out of range");
        }
        if (checkChar(s) != last) {
            return new Invalid("身份证号校验位错误", "the check character does not match (GB 11643)");
        }
        int sequence = s.charAt(16) - '0';
        return new Valid(new ResidentIdNumber(s, birth, sequence % 2 == 1 ? 'M' : 'F'));
    }

    public static Optional<ResidentIdNumber> tryParse(String raw) {
        return parse(raw) instanceof Valid v ? Optional.of(v.id()) : Optional.empty();
    }

    /** ISO 7064 MOD 11-2 over the first 17 digits. */
    public static char checkChar(CharSequence first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        return CHECK[sum % 11];
    }

    /** Builds a valid number (demo data and tests). */
    public static String compose(String areaCode, LocalDate birth, int sequence3) {
        String first17 = areaCode + String.format("%04d%02d%02d%03d", birth.getYear(), birth.getMonthValue(),
                birth.getDayOfMonth(), sequence3);
        return first17 + checkChar(first17);
    }
}
