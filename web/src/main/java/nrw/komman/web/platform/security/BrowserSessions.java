package nrw.komman.web.platform.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.BeanClassLoaderAware;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.web.http.SessionRepositoryFilter;

/**
 * Browser sessions in the database (Spring Session JDBC, ADR 23), configured by Spring Boot; here only how their
 * cookies and attributes are read back. A cookie that cannot name a session is ignored ({@link SessionCookieGuard}).
 * An attribute that no longer deserializes (a class stored in it changed in a release,
 * a damaged row) is read as absent: the request is anonymous and its user signs in once more, instead of every page
 * of that session answering 500 until it expires.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(JdbcIndexedSessionRepository.class)
public class BrowserSessions implements BeanClassLoaderAware {

    private static final Logger log = LoggerFactory.getLogger(BrowserSessions.class);

    private ClassLoader classLoader = BrowserSessions.class.getClassLoader();

    @Override
    public void setBeanClassLoader(ClassLoader classLoader) {
        this.classLoader = classLoader;
    }

    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> sessionAttributesReadTolerantly() {
        GenericConversionService conversions = conversions(classLoader);
        return repository -> repository.setConversionService(conversions);
    }

    /** Runs just before Spring Session's filter: a cookie that cannot name a session is not looked up. */
    @Bean
    FilterRegistrationBean<SessionCookieGuard> sessionCookieGuard(ServerProperties server) {
        String name = server.getServlet().getSession().getCookie().getName();
        FilterRegistrationBean<SessionCookieGuard> registration =
                new FilterRegistrationBean<>(new SessionCookieGuard(name == null ? "SESSION" : name));
        registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 1);
        return registration;
    }

    static GenericConversionService conversions(ClassLoader classLoader) {
        GenericConversionService conversions = new GenericConversionService();
        DeserializingConverter deserializer = new DeserializingConverter(classLoader);
        conversions.addConverter(Object.class, byte[].class, new SerializingConverter());
        conversions.addConverter(byte[].class, Object.class, bytes -> {
            try {
                return deserializer.convert(bytes);
            } catch (RuntimeException e) {
                log.warn("A session attribute could not be read and is ignored (the user signs in once more): {}", e.toString());
                return null;
            }
        });
        return conversions;
    }
}
