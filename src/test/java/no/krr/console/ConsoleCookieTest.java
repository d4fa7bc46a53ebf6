package no.krr.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsoleCookieTest {

    /** A response that keeps only its Set-Cookie headers. */
    static HttpServletResponse response(List<String> cookies) {
        return (HttpServletResponse) Proxy.newProxyInstance(HttpServletResponse.class.getClassLoader(),
                new Class<?>[]{HttpServletResponse.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getHeaders" -> List.copyOf(cookies);
                    case "setHeader" -> {
                        cookies.clear();
                        cookies.add((String) args[1]);
                        yield null;
                    }
                    case "addHeader" -> {
                        cookies.add((String) args[1]);
                        yield null;
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void theSessionCookieGetsSameSiteStrictAndTheOthersStayAsTheyAre() {
        List<String> cookies = new ArrayList<>(List.of(
                "KRR_CONSOLE_LOGIN=; Expires=Thu, 01-Jan-1970 00:00:10 GMT; Path=/console/callback; HttpOnly; SameSite=Lax",
                "KRR_CONSOLE=abc; Path=/; HttpOnly"));
        ConsoleCookie.strict(response(cookies));
        assertEquals(List.of(
                "KRR_CONSOLE_LOGIN=; Expires=Thu, 01-Jan-1970 00:00:10 GMT; Path=/console/callback; HttpOnly; SameSite=Lax",
                "KRR_CONSOLE=abc; Path=/; HttpOnly; SameSite=Strict"), cookies);
    }

    @Test
    void aSessionCookieWithSameSiteAlreadyIsLeftAlone() {
        List<String> cookies = new ArrayList<>(List.of("KRR_CONSOLE=abc; Path=/; SameSite=Strict"));
        ConsoleCookie.strict(response(cookies));
        assertEquals(List.of("KRR_CONSOLE=abc; Path=/; SameSite=Strict"), cookies);
    }
}
