package cn.fuyou.support;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Base of the tests that run the whole application over HTTP against real PostgreSQL: one shared
 * context (so one database) for all of them, with the demo network and demo users loaded.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
@org.springframework.context.annotation.Import(TestClock.Config.class)
public abstract class IntegrationTest {

    @LocalServerPort
    protected int port;

    protected ApiClient signIn(String username) {
        ApiClient c = new ApiClient("http://localhost:" + port);
        c.login(username, "Demo@2026");
        return c;
    }

    protected ApiClient anonymous() {
        return new ApiClient("http://localhost:" + port);
    }
}
