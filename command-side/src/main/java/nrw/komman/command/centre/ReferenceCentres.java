package nrw.komman.command.centre;

import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.centre.EstablishCentreCommand;
import nrw.komman.kernel.common.Actor;
import org.axonframework.commandhandling.GenericCommandMessage;
import jakarta.annotation.PreDestroy;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Establishes the 54 integration centres of the official list (shipped in
 * {@code reference-data/}, source Destatis, CC BY 4.0) on first start. A centre whose stream already
 * exists is left alone, so a second start, or a second node starting at the same time, adds nothing.
 * {@code komman.reference-centres.enabled=false} leaves them out (a test that establishes its own centres).
 */
@Component
@ConditionalOnProperty(prefix = "komman.reference-centres", name = "enabled", havingValue = "true", matchIfMissing = true)
@Order(10)
public class ReferenceCentres implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ReferenceCentres.class);
    static final String RESOURCE = "reference-data/nrw-kommunale-integrationszentren.csv";

    private final CommandGateway commands;
    private final EventStore eventStore;
    private final LocalDate establishedOn;

    private final boolean inBackground;
    private volatile Thread retries;

    public ReferenceCentres(CommandGateway commands, EventStore eventStore,
                            @Value("${komman.reference-centres.established-on}") LocalDate establishedOn,
                            @Value("${komman.reference-centres.in-background:false}") boolean inBackground) {
        this.commands = commands;
        this.eventStore = eventStore;
        this.establishedOn = establishedOn;
        this.inBackground = inBackground;
    }

    /**
     * On the embedded default and a clustered node the event store is this process's own database:
     * the centres exist before the first request. On Axon Server (split topology) the command node may
     * start before Axon Server answers: it then keeps trying in the background instead of failing.
     */
    @Override
    public void run(ApplicationArguments args) {
        if (!inBackground) {
            establishMissing();
            return;
        }
        retries = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    establishMissing();
                    return;
                } catch (RuntimeException notYet) {
                    log.warn("Reference centres not established yet, trying again in 10 s: {}", notYet.toString());
                    try {
                        Thread.sleep(10_000);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
        }, "reference-centres");
        retries.setDaemon(true);
        retries.start();
    }

    /** The background attempts end with the application. */
    @PreDestroy
    void stopTrying() {
        Thread running = retries;
        if (running != null) {
            running.interrupt();
        }
    }

    void establishMissing() {
        int established = 0;
        for (Row row : read()) {
            if (eventStore.lastSequenceNumberFor(row.centreId().value()).isPresent()) {
                continue;
            }
            try {
                commands.sendAndWait(GenericCommandMessage.asCommandMessage(
                                new EstablishCentreCommand(row.centreId(), row.name(), row.type(), establishedOn))
                        .andMetaData(Actor.SYSTEM.toMetaData()));
                established++;
            } catch (AggregateStreamCreationException raceWithAnotherNode) {
                log.debug("centre {} was established by another node meanwhile", row.centreId());
            }
        }
        if (established > 0) {
            log.info("Established {} integration centres from the reference list", established);
        }
    }

    public static List<Row> read() {
        List<Row> rows = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new ClassPathResource(RESOURCE).getInputStream(), StandardCharsets.UTF_8))) {
            String header = in.readLine();
            if (header == null || !header.startsWith("ags,type,name")) {
                throw new IllegalStateException(RESOURCE + " has an unexpected header: " + header);
            }
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.isBlank()) {
                    List<String> cells = splitCsv(line);
                    rows.add(new Row(new CentreId(cells.get(0)), cells.get(1), cells.get(2), cells.get(4)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    /** RFC 4180 cells: commas inside quotes belong to the cell ("Düsseldorf, Stadt"). */
    static List<String> splitCsv(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (c == ',' && !quoted) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }

    public record Row(CentreId centreId, String type, String name, String regierungsbezirk) {
    }
}
