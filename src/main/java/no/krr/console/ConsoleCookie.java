package no.krr.console;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.Cookie;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The session cookie, which only the console uses: {@code HttpOnly} (no script reads it),
 * {@code Secure} unless {@code krr.console.secure-cookie=false} (a sandbox on plain HTTP), and
 * {@code SameSite=Strict} (no other site's page sends it), which {@code payara-web.xml} sets: Payara
 * writes the session cookie's {@code SameSite} from its {@code cookieSameSite} property and ignores
 * {@link SessionCookieConfig#setAttribute} (the browser test saw {@code Lax}). Set here rather than in
 * {@code web.xml} because {@code Secure} depends on the configuration.
 */
@WebListener
public class ConsoleCookie implements ServletContextListener {

    static final String NAME = "KRR_CONSOLE";

    @Override
    public void contextInitialized(ServletContextEvent event) {
        SessionCookieConfig cookie = event.getServletContext().getSessionCookieConfig();
        cookie.setName(NAME);
        cookie.setHttpOnly(true);
        cookie.setSecure(secure());
        cookie.setPath("/");
    }

    /** {@code krr.console.secure-cookie}, default on: the {@code Secure} attribute of the console's cookies. */
    static boolean secure() {
        return ConfigProvider.getConfig().getOptionalValue("krr.console.secure-cookie", Boolean.class).orElse(true);
    }

    /** The cookie that carries a login attempt to the callback ({@link LoginAttempt}); max age 0 clears it. */
    static Cookie loginCookie(String value, int maxAgeSeconds) {
        Cookie cookie = new Cookie(LoginAttempt.COOKIE, value);
        cookie.setHttpOnly(true);
        cookie.setSecure(secure());
        cookie.setPath(ConsoleAuthServlet.CALLBACK);
        cookie.setMaxAge(maxAgeSeconds);
        cookie.setAttribute("SameSite", "Lax");
        return cookie;
    }
}
