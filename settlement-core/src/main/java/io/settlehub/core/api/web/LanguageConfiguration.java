package io.settlehub.core.api.web;

import io.settlehub.contract.BusinessCalendar;
import io.settlehub.core.text.Readable;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import io.settlehub.core.ledger.Bucket;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The language of pages and reports: Russian unless the reader chose English ({@code ?lang=en}, kept in a cookie) or
 * their browser prefers English to Russian (Accept-Language). Nothing else: a German browser reads Russian.
 */
@Configuration
class LanguageConfiguration implements WebMvcConfigurer {

    static final String COOKIE = "hub-lang";

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new SupportedLocales();
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setCookieHttpOnly(true);
        resolver.setCookieSameSite("Lax");
        resolver.setDefaultLocaleFunction(LanguageConfiguration::fromBrowser);
        return resolver;
    }

    /** The first language of the browser's list that the hub speaks; Russian when it names none of them, or nothing. */
    static Locale fromBrowser(HttpServletRequest request) {
        if (request.getHeader("Accept-Language") == null) {
            return Readable.RUSSIAN;
        }
        for (Locale wanted : Collections.list(request.getLocales())) {
            for (Locale spoken : Readable.LANGUAGES) {
                if (spoken.getLanguage().equals(wanted.getLanguage())) {
                    return spoken;
                }
            }
        }
        return Readable.RUSSIAN;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor();
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change);
    }

    /** A cookie or a {@code lang} naming another language reads as the closest one the hub speaks. */
    private static final class SupportedLocales extends CookieLocaleResolver {

        SupportedLocales() {
            super(COOKIE);
        }

        @Override
        public Locale resolveLocale(HttpServletRequest request) {
            return Readable.supported(super.resolveLocale(request));
        }

        @Override
        public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
            super.setLocale(request, response, locale == null ? null : Readable.supported(locale));
        }
    }

    /** Every page gets {@code fmt}: amounts and dates as its reader's language writes them, and the buckets in order. */
    @ControllerAdvice(assignableTypes = {DashboardController.class, LoginPage.class})
    static class ReadableFormats {

        @ModelAttribute("fmt")
        Readable fmt() {
            return new Readable(LocaleContextHolder.getLocale(), BusinessCalendar.ZONE);
        }

        /** The client's buckets in the order the pages show them. */
        @ModelAttribute("buckets")
        List<Bucket> buckets() {
            return List.of(Bucket.values());
        }
    }
}
