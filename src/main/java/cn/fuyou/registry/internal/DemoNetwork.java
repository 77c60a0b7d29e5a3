package cn.fuyou.registry.internal;

import cn.fuyou.registry.Designation;
import cn.fuyou.registry.InstitutionChange;
import cn.fuyou.registry.InstitutionChange.AllianceChange;
import cn.fuyou.registry.InstitutionType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The demo network of spec/network.md: CQHCWC with its centres, the Children's Hospital, five more
 * critical maternal care centres covering the districts CQHCWC does not (a demo assignment: the
 * sources do not name them), 49 alliance members in Chongqing, Guizhou and Sichuan, community
 * health centres and nurseries. Deterministic for a seed.
 */
final class DemoNetwork {

    static final String CQHCWC = "CQHCWC";
    static final String CHILDRENS = "CQMU-CH";

    /** District code → short Chinese name, English name (the 38 districts and counties). */
    static final Map<String, String[]> CHONGQING = new java.util.LinkedHashMap<>();
    static {
        String[][] rows = {
                {"500101", "万州区", "Wanzhou"}, {"500102", "涪陵区", "Fuling"}, {"500103", "渝中区", "Yuzhong"},
                {"500104", "大渡口区", "Dadukou"}, {"500105", "江北区", "Jiangbei"}, {"500106", "沙坪坝区", "Shapingba"},
                {"500107", "九龙坡区", "Jiulongpo"}, {"500108", "南岸区", "Nan'an"}, {"500109", "北碚区", "Beibei"},
                {"500110", "綦江区", "Qijiang"}, {"500111", "大足区", "Dazu"}, {"500112", "渝北区", "Yubei"},
                {"500113", "巴南区", "Banan"}, {"500114", "黔江区", "Qianjiang"}, {"500115", "长寿区", "Changshou"},
                {"500116", "江津区", "Jiangjin"}, {"500117", "合川区", "Hechuan"}, {"500118", "永川区", "Yongchuan"},
                {"500119", "南川区", "Nanchuan"}, {"500120", "璧山区", "Bishan"}, {"500151", "铜梁区", "Tongliang"},
                {"500152", "潼南区", "Tongnan"}, {"500153", "荣昌区", "Rongchang"}, {"500154", "开州区", "Kaizhou"},
                {"500155", "梁平区", "Liangping"}, {"500156", "武隆区", "Wulong"}, {"500229", "城口县", "Chengkou"},
                {"500230", "丰都县", "Fengdu"}, {"500231", "垫江县", "Dianjiang"}, {"500233", "忠县", "Zhong"},
                {"500235", "云阳县", "Yunyang"}, {"500236", "奉节县", "Fengjie"}, {"500237", "巫山县", "Wushan"},
                {"500238", "巫溪县", "Wuxi"}, {"500240", "石柱县", "Shizhu"}, {"500241", "秀山县", "Xiushan"},
                {"500242", "酉阳县", "Youyang"}, {"500243", "彭水县", "Pengshui"}};
        for (String[] r : rows) CHONGQING.put(r[0], new String[]{r[1], r[2]});
    }

    private static final String[] STREETS = {"城南街道", "城北街道", "东城街道", "西城街道", "新城街道", "龙山街道",
            "双龙镇", "清平镇", "太和镇", "龙凤镇", "白沙镇", "石桥镇"};

    private DemoNetwork() {}

    static List<InstitutionChange> build(long seed) {
        Random rnd = new Random(seed);
        List<InstitutionChange> all = new ArrayList<>();
        var maternal = List.of(Designation.CRITICAL_MATERNAL_CARE_CENTRE);
        all.add(new InstitutionChange(CQHCWC, "重庆市妇幼保健院（重庆医科大学附属妇女儿童医院）",
                "Chongqing Health Center for Women and Children", "500112", "LJXQ", 3, InstitutionType.MCH_HOSPITAL,
                List.of(Designation.CRITICAL_MATERNAL_CARE_CENTRE, Designation.ART_CENTRE,
                        Designation.PRENATAL_DIAGNOSIS_CENTRE, Designation.INFANT_CARE_GUIDANCE_CENTRE),
                List.of("500105", "500117", "500152", "500229", "LJXQ"),
                new AllianceChange("ACTIVE", LocalDate.of(2017, 1, 1), "联盟牵头单位 / alliance lead"), null));
        all.add(new InstitutionChange(CHILDRENS, "重庆医科大学附属儿童医院", "Children's Hospital of Chongqing Medical University",
                "500103", null, 3, InstitutionType.CHILDRENS_HOSPITAL,
                List.of(Designation.CRITICAL_NEWBORN_CARE_CENTRE, Designation.FOREIGN_NATIONALS_CARE),
                null, null, null));
        all.add(new InstitutionChange("CQMU-FH1", "重庆医科大学附属第一医院", "First Affiliated Hospital of CQMU", "500103", null, 3,
                InstitutionType.GENERAL_HOSPITAL, List.of(Designation.CRITICAL_MATERNAL_CARE_CENTRE, Designation.PRENATAL_DIAGNOSIS_CENTRE),
                List.of("500103", "500104", "500107", "500108", "500113", "500110", "500119"), null, null));
        all.add(new InstitutionChange("SWH", "陆军军医大学第一附属医院", "Southwest Hospital", "500106", null, 3,
                InstitutionType.GENERAL_HOSPITAL, maternal,
                List.of("500106", "500109", "500112", "500120", "500151", "500111", "500153", "500118", "500116"), null, null));
        all.add(new InstitutionChange("SXH", "重庆大学附属三峡医院", "Three Gorges Hospital of Chongqing University", "500101", null, 3,
                InstitutionType.GENERAL_HOSPITAL, maternal,
                List.of("500101", "500154", "500155", "500235", "500236", "500237", "500238", "500233"), null, null));
        all.add(new InstitutionChange("FLH", "重庆大学附属涪陵医院", "Fuling Hospital of Chongqing University", "500102", null, 3,
                InstitutionType.GENERAL_HOSPITAL, maternal,
                List.of("500102", "500115", "500231", "500230", "500156"), null, null));
        all.add(new InstitutionChange("QJH", "重庆市黔江中心医院", "Qianjiang Central Hospital", "500114", null, 3,
                InstitutionType.GENERAL_HOSPITAL, maternal,
                List.of("500114", "500240", "500241", "500242", "500243"), null, null));

        // Each district's MCH hospital (the district MCH institution that receives case reports);
        // 34 of them are alliance members; with 8 in Guizhou, 6 in Sichuan and CQHCWC itself: 49.
        int n = 0;
        for (var e : CHONGQING.entrySet()) {
            String code = e.getKey();
            boolean member = n++ < 34; // with CQHCWC (the lead) and 14 outside Chongqing: 49 members
            all.add(new InstitutionChange("MCH-" + code, "重庆市" + e.getValue()[0] + "妇幼保健院",
                    e.getValue()[1] + " Maternal and Child Health Hospital", code, null, 2, InstitutionType.MCH_HOSPITAL,
                    null, null, member ? alliance(rnd) : null, null));
        }
        String[][] outside = {
                {"520100", "贵阳市妇幼保健院", "Guiyang MCH Hospital"}, {"520300", "遵义市妇幼保健院", "Zunyi MCH Hospital"},
                {"520200", "六盘水市妇幼保健院", "Liupanshui MCH Hospital"}, {"520400", "安顺市妇幼保健院", "Anshun MCH Hospital"},
                {"520500", "毕节市妇幼保健院", "Bijie MCH Hospital"}, {"520600", "铜仁市妇幼保健院", "Tongren MCH Hospital"},
                {"520300", "遵义市播州区妇幼保健院", "Bozhou District MCH Hospital, Zunyi"},
                {"520100", "贵阳市花溪区妇幼保健院", "Huaxi District MCH Hospital, Guiyang"},
                {"510100", "成都市妇女儿童中心医院", "Chengdu Women's and Children's Central Hospital"},
                {"510500", "泸州市妇幼保健院", "Luzhou MCH Hospital"}, {"511600", "广安市妇幼保健院", "Guang'an MCH Hospital"},
                {"511700", "达州市妇幼保健院", "Dazhou MCH Hospital"}, {"511300", "南充市妇幼保健院", "Nanchong MCH Hospital"},
                {"511000", "内江市妇幼保健院", "Neijiang MCH Hospital"}};
        for (int i = 0; i < outside.length; i++) {
            String[] o = outside[i];
            all.add(new InstitutionChange("ALLY-" + (i + 1), o[1], o[2], o[0], null, o[2].contains("District") ? 2 : 3,
                    InstitutionType.MCH_HOSPITAL, null, null, alliance(rnd), null));
        }
        // Two community/township health centres per district, and nurseries in the main districts.
        for (var e : CHONGQING.entrySet()) {
            for (int k = 1; k <= 2; k++) {
                String street = STREETS[rnd.nextInt(STREETS.length)];
                all.add(new InstitutionChange("CHC-" + e.getKey() + "-" + k, e.getValue()[0] + street + "社区卫生服务中心",
                        e.getValue()[1] + " " + street.substring(0, 2) + " Community Health Centre " + k, e.getKey(),
                        ("500105".equals(e.getKey()) && k == 1) ? "LJXQ" : null, 1,
                        InstitutionType.COMMUNITY_HEALTH_CENTRE, null, null, null, null));
            }
        }
        String[] nurseryAreas = {"500103", "500105", "500106", "500107", "500108", "500112", "500117", "500101", "500102", "500116"};
        String[] nurseryNames = {"小星星", "彩虹", "向日葵", "小太阳", "童乐", "启航", "蒲公英", "小橡树", "嘉禾", "晨曦"};
        for (int i = 0; i < nurseryAreas.length; i++) {
            String a = nurseryAreas[i];
            all.add(new InstitutionChange("NUR-" + (i + 1), CHONGQING.get(a)[0] + nurseryNames[i] + "托育园",
                    CHONGQING.get(a)[1] + " Nursery " + (i + 1), a, null, 1, InstitutionType.NURSERY, null, null, null, null));
        }
        return all;
    }

    private static AllianceChange alliance(Random rnd) {
        LocalDate joined = LocalDate.of(2017 + rnd.nextInt(8), 1 + rnd.nextInt(12), 1);
        String status = rnd.nextInt(20) == 0 ? "SUSPENDED" : "ACTIVE";
        return new AllianceChange(status, joined, "妇幼专科联盟合作协议 " + joined.getYear() + " / alliance agreement");
    }
}
