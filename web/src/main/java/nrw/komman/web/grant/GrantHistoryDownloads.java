package nrw.komman.web.grant;

import nrw.komman.kernel.access.Action;
import nrw.komman.web.platform.page.PageController;
import nrw.komman.kernel.audit.ChainVerification;
import nrw.komman.kernel.grant.GrantHistory;
import nrw.komman.kernel.grant.GrantView;
import nrw.komman.web.grant.GrantHistoryExport;
import nrw.komman.web.platform.QueryDispatcher;
import nrw.komman.web.platform.page.UiAccess;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/**
 * A grant's history to file, from the grant page: CSV and PDF, each with the grant's data, every event
 * and the chain verification of the same moment. For the auditors, the ministry, the grant authority
 * and the grant's own centre (another centre's coordinator gets the 403 page).
 */
@PageController
class GrantHistoryDownloads {

    private final QueryDispatcher queries;
    private final ChainCheck chain;
    private final GrantHistoryExport export;

    GrantHistoryDownloads(QueryDispatcher queries, ChainCheck chain, GrantHistoryExport export) {
        this.queries = queries;
        this.chain = chain;
        this.export = export;
    }

    @GetMapping("/zuwendungen/{grantId}/verlauf.csv")
    public ResponseEntity<byte[]> csv(@PathVariable String grantId) {
        return download(grantId, "csv", GrantHistoryExport.CSV_CONTENT_TYPE, f -> export.csv(f.grant, f.history, f.chain));
    }

    @GetMapping("/zuwendungen/{grantId}/verlauf.pdf")
    public ResponseEntity<byte[]> pdf(@PathVariable String grantId) {
        return download(grantId, "pdf", GrantHistoryExport.PDF_CONTENT_TYPE, f -> export.pdf(f.grant, f.history, f.chain));
    }

    private record Facts(GrantView grant, GrantHistory history, ChainVerification chain) {
    }

    private ResponseEntity<byte[]> download(String grantId, String extension, String contentType, Function<Facts, byte[]> render) {
        UiAccess.require(Action.READ_GRANTS);
        GrantView grant = GrantReads.find(queries, grantId);
        GrantHistory history = GrantReads.history(queries, grant.grantId());
        ChainVerification verification = chain.require(grant.grantId());
        byte[] body = render.apply(new Facts(grant, history, verification));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(contentType))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(export.fileName(grant, extension), StandardCharsets.UTF_8).build().toString())
                .cacheControl(CacheControl.noStore())
                .body(body);
    }
}
