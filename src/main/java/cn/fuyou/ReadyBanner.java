package cn.fuyou;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Prints where fuyou answers once it is ready (and, in the demo profile, the demo logins). */
@Component
class ReadyBanner {

    private static final Logger log = LoggerFactory.getLogger(ReadyBanner.class);

    @EventListener
    @Order(1000)
    void ready(ApplicationReadyEvent e) {
        if (!(e.getApplicationContext() instanceof WebServerApplicationContext web)) return;
        int port = web.getWebServer().getPort();
        boolean demo = e.getApplicationContext().getEnvironment().getProperty("fuyou.demo.enabled", Boolean.class, false);
        log.info("""

                ==========================================================================
                 fuyou 妇幼 is ready: http://localhost:{}/   (started in {} ms)
                {}==========================================================================""",
                port, e.getTimeTaken().toMillis(), demo ? DEMO_LOGINS : "");
    }

    static final String DEMO_LOGINS = """
             Demo logins (demo profile only), password Demo@2026 for all:
               admin          系统管理员 system admin (all records)
               cqfy-doctor    重庆市妇幼保健院 产科医生 obstetrician at CQHCWC
               cqfy-midwife   重庆市妇幼保健院 助产士 midwife at CQHCWC
               cqfy-admin     重庆市妇幼保健院 机构管理员 institution admin at CQHCWC
               hc-doctor      合川区社区卫生服务中心 医生 community doctor in Hechuan
               etyy-doctor    重庆医科大学附属儿童医院 儿科医生 paediatrician at the Children's Hospital
               official-jb    江北区 区域管理人员 regional official, Jiangbei
               official-cq    重庆市 区域管理人员 regional official, all Chongqing
             Mother's app http://localhost:<port>/m/ (sign in with the ID number, password Demo@2026):
               500112199203151248   李秀英 showcase mother (daughter 7 months)
               50010319950812026X   张晓燕 pregnant, week 24
             Offline home visits for hc-doctor: http://localhost:<port>/m/#/visits
            """;
}
