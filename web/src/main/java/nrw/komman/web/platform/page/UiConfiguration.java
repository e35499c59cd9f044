package nrw.komman.web.platform.page;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

import java.time.Duration;
import java.util.Locale;

/**
 * The browser UI speaks German by default, whatever the browser asks for (the administration's
 * language); {@code ?lang=en} switches to English for the session's browser (a cookie), {@code ?lang=de} back.
 */
@Configuration(proxyBeanMethods = false)
public class UiConfiguration implements WebMvcConfigurer {

    public static final Locale GERMAN = Locale.GERMANY;

    /**
     * Spring Boot defines the {@code localeResolver} bean (from the browser's Accept-Language) before
     * this module's configuration is read, so the module swaps the instance instead of the definition.
     */
    @Bean
    public static BeanPostProcessor germanByDefaultLocaleResolver() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (DispatcherServlet.LOCALE_RESOLVER_BEAN_NAME.equals(beanName) && bean instanceof LocaleResolver) {
                    return localeResolver();
                }
                return bean;
            }
        };
    }

    static LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("komman-sprache");
        resolver.setDefaultLocale(GERMAN);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setCookieHttpOnly(true);
        resolver.setCookieSameSite("Lax");
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor();
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change).excludePathPatterns("/api/**");
    }
}
