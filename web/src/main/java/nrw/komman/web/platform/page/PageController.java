package nrw.komman.web.platform.page;

import org.springframework.core.annotation.AliasFor;
import org.springframework.stereotype.Controller;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A controller of browser pages (HTML, and the files they offer for download). Pages and the API of a
 * feature share its package, so the package no longer says which is which: this annotation does. A
 * page's errors become German HTML pages ({@link UiExceptionHandler}); an API controller's
 * ({@code @RestController}) become problem JSON.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Controller
public @interface PageController {

    @AliasFor(annotation = Controller.class)
    String value() default "";
}
