package nrw.komman.web.platform.export;

import nrw.komman.kernel.common.Actor;
import nrw.komman.web.platform.security.CurrentActor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.nio.charset.StandardCharsets;

/**
 * A file with several people's personal data (a centre's roster or activity log) as a download: never cached, a
 * file name that names no person, and one line in the log {@code nrw.komman.personal-data-downloads} saying who took
 * which list of which centre with how many rows, and nothing of its content, so that the operators can answer
 * who took a copy.
 */
public final class PersonalDataDownloads {

    private static final Logger LOG = LoggerFactory.getLogger("nrw.komman.personal-data-downloads");

    public static final String XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private PersonalDataDownloads() {
    }

    public static ResponseEntity<byte[]> download(String list, String fileName, String contentType, byte[] body, int rows) {
        Actor actor = CurrentActor.require();
        LOG.info("download of {} ({}, {} rows) by account {} of centre {}", list, fileName, rows, actor.account(),
                actor.centre());
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(contentType))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(fileName, StandardCharsets.UTF_8).build().toString())
                .cacheControl(CacheControl.noStore())
                .body(body);
    }
}
