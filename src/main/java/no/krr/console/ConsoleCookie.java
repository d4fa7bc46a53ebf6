package no.krr.console;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The session cookie, which only the console uses: {@code HttpOnly} (no script reads it),
 * {@code Secure} unless {@code krr.console.secure-cookie=false} (a sandbox on plain HTTP), and
 * {@code SameSite=Strict} (no other site's page sends it), added by {@link #strict} where the login
 * makes the session. Not through Payara's own means: it ignores {@link SessionCookieConfig#setAttribute}
 * (the browser test saw {@code Lax}), and its {@code cookieSameSite} property in {@code payara-web.xml}
 * doubled the server's CPU per GET of the user API (2,030 µs against 915 µs, {@code bench/RESULTS.md}).
 * Set here rather than in {@code web.xml} because {@code Secure} depends on the configuration.
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

    /**
     * Adds {@code SameSite=Strict} to the session cookie the container has just set on this response
     * (it writes the header when the session is made); every other header stays as it is.
     */
    static void strict(HttpServletResponse response) {
        List<String> cookies = List.copyOf(response.getHeaders("Set-Cookie"));
        for (int i = 0; i < cookies.size(); i++) {
            String cookie = cookies.get(i);
            String written = cookie.startsWith(NAME + "=") && !cookie.toLowerCase(Locale.ROOT).contains("samesite")
                    ? cookie + "; SameSite=Strict" : cookie;
            if (i == 0) {
                response.setHeader("Set-Cookie", written);
            } else {
                response.addHeader("Set-Cookie", written);
            }
        }
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
