package cn.fuyou.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Source: GB 11643-1999 公民身份号码 (structure, ISO 7064 MOD 11-2 check character). */
class ResidentIdNumberTest {

    @ParameterizedTest(name = "{0} is valid")
    @CsvSource({
            "11010519491231002X, 1949-12-31, F",  // the standard's own example (check character X)
            "500112199203151248, 1992-03-15, F",
            "44052419500101001X, 1950-01-01, M"})
    @DisplayName("GB 11643: valid numbers give birth date and sex (odd sequence = male)")
    void valid(String number, LocalDate birth, char sex) {
        var result = ResidentIdNumber.parse(number);
        assertThat(result).isInstanceOf(ResidentIdNumber.Valid.class);
        var id = ((ResidentIdNumber.Valid) result).id();
        assertThat(id.birthDate()).isEqualTo(birth);
        assertThat(id.sex()).isEqualTo(sex);
    }

    @Test
    @DisplayName("GB 11643: a lower-case x check character is accepted and normalised")
    void lowerCaseX() {
        assertThat(ResidentIdNumber.tryParse("11010519491231002x")).get()
                .extracting(ResidentIdNumber::value).isEqualTo("11010519491231002X");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            "500112199203151249, check character",     // bad checksum (last digit altered)
            "110105194912310021, check character",     // the standard's example with a wrong check digit
            "500112199302291240, birth date",          // 1993-02-29 does not exist
            "500112199213011240, birth date",          // month 13
            "500112209901011240, birth date",          // in the future
            "50011219920315124, 18",                   // 17 characters
            "5001121992031512480, 18",                 // 19 characters
            "5001121992031512A8, digits",              // letter inside
            "50011219920315124Y, last character"})
    @DisplayName("GB 11643: invalid numbers are refused with the reason")
    void invalid(String number, String reasonContains) {
        var result = ResidentIdNumber.parse(number);
        assertThat(result).isInstanceOf(ResidentIdNumber.Invalid.class);
        assertThat(((ResidentIdNumber.Invalid) result).reasonEn()).contains(reasonContains);
    }

    @Test
    @DisplayName("compose() builds numbers that parse back (demo data relies on it)")
    void composeRoundTrips() {
        String n = ResidentIdNumber.compose("500117", LocalDate.of(2001, 7, 9), 37);
        assertThat(ResidentIdNumber.tryParse(n)).get().satisfies(id -> {
            assertThat(id.birthDate()).isEqualTo(LocalDate.of(2001, 7, 9));
            assertThat(id.sex()).isEqualTo('M');
        });
    }
}
