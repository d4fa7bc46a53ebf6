package no.krr.console;

/**
 * The few pages the login answers itself (refused, ended, logged out): static text in the console's
 * look, no script. Every value is escaped.
 */
final class ConsolePage {

    static final String STYLES = """
            <link rel="stylesheet" href="/console/vendor/designsystemet-theme-1.11.0/digdir.css">
            <link rel="stylesheet" href="/console/vendor/designsystemet-css-1.22.0/index.css">
            <link rel="stylesheet" href="/console/console.css">""";

    /** The console's header bar, with the name only: no one is logged in on these pages. */
    static final String HEADER = """
            <header class="site-header"><div class="site-header__inner">
            <p class="site-header__name"><a href="/console/" class="site-header__home">KRR – driftskonsoll</a></p>
            </div></header>""";

    private ConsolePage() {
    }

    static String of(String title, String message, String linkText, String linkHref) {
        return """
                <!DOCTYPE html>
                <html lang="nb">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%1$s – KRR driftskonsoll</title>
                %2$s
                </head>
                <body>
                %6$s
                <main>
                <section class="ds-card panel">
                <h1 class="ds-heading" data-size="md">%1$s</h1>
                <p class="ds-paragraph" id="message">%3$s</p>
                <p><a class="ds-button" data-variant="primary" id="again" href="%5$s">%4$s</a></p>
                </section>
                </main>
                </body>
                </html>
                """.formatted(escape(title), STYLES, escape(message), escape(linkText), escape(linkHref), HEADER);
    }

    /** The page after a login: on to the console at once (a refresh, as no script may run here), or by its link. */
    static String onward(String target) {
        return """
                <!DOCTYPE html>
                <html lang="nb">
                <head>
                <meta charset="utf-8">
                <meta http-equiv="refresh" content="0;url=%1$s">
                <title>Innlogget – KRR driftskonsoll</title>
                %2$s
                </head>
                <body>
                %3$s
                <main>
                <p class="ds-paragraph">Du er logget inn. <a class="ds-link" id="onward" href="%1$s">Gå til driftskonsollet</a>.</p>
                </main>
                </body>
                </html>
                """.formatted(escape(target), STYLES, HEADER);
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
