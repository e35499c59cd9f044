package nrw.komman.web.platform;

import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.net.URI;

/** Answers shared by the controllers. */
public final class Responses {

    private Responses() {
    }

    /** 201 Created with a Location below the application's context path and a body naming the new id. */
    public static <T> ResponseEntity<T> created(String pathTemplate, T body, Object... uriVariables) {
        URI location = ServletUriComponentsBuilder.fromCurrentContextPath().path(pathTemplate)
                .buildAndExpand(uriVariables).toUri();
        return ResponseEntity.created(location).body(body);
    }
}
