package cn.fuyou.registry.internal;

import cn.fuyou.registry.ResidentIdNumber;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.LongConsumer;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Synthetic women, their partners and young children with common Chinese names, valid resident ID
 * numbers (GB 11643) and mobile numbers. Deterministic for a seed; streamed with COPY in chunks, so
 * that a benchmark can load a million persons in well under a minute with flat memory.
 */
public final class DemoPeople {

    // The most common surnames, roughly by frequency (repeats weight the draw).
    private static final String[] FAMILY = ("王王王李李李张张张刘刘陈陈杨杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘"
            + "于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤").split("");
    private static final String[] FEMALE = "芳娜敏静丽艳娟霞秀英玲桂兰燕萍红梅琳雪婷倩颖佳欣怡晓丹蕾璐琴瑶薇洁莉".split("");
    private static final String[] MALE = "伟强磊军勇杰涛明超刚平辉鹏华飞鑫波斌宇浩凯健俊帆帅旭宁龙林阳".split("");
    private static final String[] MOBILE_PREFIX = {"130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151",
            "152", "155", "156", "158", "159", "177", "180", "181", "182", "183", "186", "187", "188", "189", "199"};
    private static final int CHUNK = 20_000;

    /** Where people live and which institution registered them: area code → candidate institutions. */
    public record Placement(String areaCode, List<UUID> institutions) {}

    private final Random rnd;
    private final List<Placement> places;
    private final UUID centre;
    private final LocalDate today;
    private final Set<String> usedIds = new HashSet<>();
    private long phoneCounter;

    public DemoPeople(long seed, List<Placement> places, UUID centre, LocalDate today) {
        this.rnd = new Random(seed);
        this.places = places;
        this.centre = centre;
        this.today = today;
    }

    /** Writes {@code count} persons (women with some partners and children) and their entitlements. */
    public long load(Connection connection, long count, LongConsumer progress) throws SQLException, IOException {
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        var persons = new StringBuilder();
        var entitlements = new StringBuilder();
        var links = new StringBuilder();
        long written = 0;
        int inChunk = 0;
        while (written < count) {
            Placement place = places.get(rnd.nextInt(places.size()));
            UUID registeredAt = place.institutions().get(rnd.nextInt(place.institutions().size()));
            String family = FAMILY[rnd.nextInt(FAMILY.length)];
            LocalDate womanBirth = today.minusYears(18 + rnd.nextInt(28)).minusDays(rnd.nextInt(365));
            UUID woman = person(persons, family, given(FEMALE), 'F', womanBirth, place.areaCode(), registeredAt);
            entitle(entitlements, woman, registeredAt, "REGISTERED");
            // A share of women also attend the municipal centre: it may see them too.
            if (rnd.nextInt(5) == 0 && !registeredAt.equals(centre)) entitle(entitlements, woman, centre, "CARED");
            written++;
            inChunk++;
            if (written < count && rnd.nextInt(10) < 6) {
                UUID partner = person(persons, FAMILY[rnd.nextInt(FAMILY.length)], given(MALE), 'M',
                        womanBirth.minusDays(rnd.nextInt(2000)), place.areaCode(), registeredAt);
                entitle(entitlements, partner, registeredAt, "REGISTERED");
                link(links, woman, partner, "PARTNER_OF");
                written++;
                inChunk++;
            }
            if (written < count && rnd.nextInt(10) < 4 && womanBirth.isBefore(today.minusYears(20))) {
                boolean girl = rnd.nextBoolean();
                UUID child = person(persons, family, given(girl ? FEMALE : MALE), girl ? 'F' : 'M',
                        today.minusDays(1 + rnd.nextInt(3 * 365)), place.areaCode(), registeredAt);
                entitle(entitlements, child, registeredAt, "REGISTERED");
                link(links, woman, child, "MOTHER_OF");
                written++;
                inChunk++;
            }
            if (inChunk >= CHUNK || written >= count) {
                flush(copy, persons, entitlements, links);
                inChunk = 0;
                if (progress != null) progress.accept(written);
            }
        }
        return written;
    }

    private void flush(CopyManager copy, StringBuilder persons, StringBuilder entitlements, StringBuilder links)
            throws SQLException, IOException {
        copy.copyIn("copy person (id, family_name, given_name, full_name, sex, birth_date, id_type, id_number, phone, "
                + "address_area_code, registered_institution_id, created_by, changed_by) from stdin", reader(persons));
        copy.copyIn("copy person_institution (person_id, institution_id, reason) from stdin", reader(entitlements));
        copy.copyIn("copy person_link (id, person_id, related_person_id, kind, created_by) from stdin", reader(links));
        persons.setLength(0);
        entitlements.setLength(0);
        links.setLength(0);
    }

    private static Reader reader(StringBuilder sb) {
        return new StringReader(sb.toString());
    }

    private UUID person(StringBuilder out, String family, String given, char sex, LocalDate birth, String area, UUID registeredAt) {
        UUID id = new UUID(rnd.nextLong(), rnd.nextLong());
        String idNumber;
        do {
            int seq = rnd.nextInt(500) * 2 + (sex == 'M' ? 1 : 0);
            idNumber = ResidentIdNumber.compose(area, birth, seq);
        } while (!usedIds.add(idNumber));
        String phone = sex == 'M' && rnd.nextInt(3) == 0 ? "\\N" : mobile();
        out.append(id).append('\t').append(family).append('\t').append(given).append('\t').append(family).append(given)
                .append('\t').append(sex).append('\t').append(birth).append("\tRESIDENT_ID\t").append(idNumber).append('\t')
                .append(phone).append('\t').append(area).append('\t').append(registeredAt).append("\tdemo\tdemo\n");
        return id;
    }

    private static void entitle(StringBuilder out, UUID person, UUID institution, String reason) {
        out.append(person).append('\t').append(institution).append('\t').append(reason).append('\n');
    }

    private void link(StringBuilder out, UUID from, UUID to, String kind) {
        out.append(new UUID(rnd.nextLong(), rnd.nextLong())).append('\t').append(from).append('\t').append(to)
                .append('\t').append(kind).append("\tdemo\n");
    }

    private String given(String[] chars) {
        String first = chars[rnd.nextInt(chars.length)];
        return rnd.nextInt(4) == 0 ? first : first + chars[rnd.nextInt(chars.length)];
    }

    /** Unique, plausible mobile numbers: a real prefix and an 8-digit serial scrambled by the seed. */
    private String mobile() {
        long serial = (phoneCounter++ * 7_919L + rnd.nextInt(7_919)) % 100_000_000L;
        return MOBILE_PREFIX[rnd.nextInt(MOBILE_PREFIX.length)] + String.format("%08d", serial);
    }
}
