package nrw.komman.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The one runnable application. By default it runs every role (command side, query side, web) in
 * one JVM on an embedded H2 database; profiles switch the database and the message routing.
 */
@SpringBootApplication(scanBasePackages = "nrw.komman")
public class KommAnApplication {

    public static void main(String[] args) {
        SpringApplication.run(KommAnApplication.class, args);
    }
}
