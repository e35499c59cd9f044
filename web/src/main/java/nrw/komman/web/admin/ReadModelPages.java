package nrw.komman.web.admin;

import nrw.komman.kernel.admin.FetchReadModelStatusQuery;
import nrw.komman.kernel.admin.ReadModelStatus;
import nrw.komman.kernel.admin.RebuildReadModelsCommand;
import nrw.komman.web.platform.CommandDispatcher;
import nrw.komman.web.platform.QueryDispatcher;
import nrw.komman.web.platform.page.FormPage;
import nrw.komman.web.platform.page.PageController;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.Locale;

/**
 * The administrator's read-model page: each processor's status and the way to rebuild the read models from the
 * events, through a confirmation page (the rebuild runs on; the page shows its progress).
 */
@PageController
class ReadModelPages {

    private final FormPage forms;
    private final CommandDispatcher commands;
    private final QueryDispatcher queries;

    ReadModelPages(FormPage forms, CommandDispatcher commands, QueryDispatcher queries) {
        this.forms = forms;
        this.commands = commands;
        this.queries = queries;
    }

    @GetMapping("/verwaltung/lesemodelle")
    String readModels(Model model) {
        model.addAttribute("processors", queries.list(new FetchReadModelStatusQuery(), ReadModelStatus.class));
        model.addAttribute("nav", "read-models");
        return "admin/read-models";
    }

    /** A rebuild replays every event and loads the database for everyone: a page says so first (ADR 31). */
    @GetMapping("/verwaltung/lesemodelle/neuaufbau")
    String rebuildConfirmation(Model model) {
        model.addAttribute("nav", "read-models");
        return "admin/read-models-rebuild-confirm";
    }

    @PostMapping("/verwaltung/lesemodelle/neuaufbau")
    String rebuild(Locale locale, RedirectAttributes redirect) {
        // only sent: the rebuild is not one aggregate's read model to wait for
        return forms.press(() -> commands.send(new RebuildReadModelsCommand()), redirect, locale,
                () -> forms.text("ui.read-models.rebuilding", locale), "/verwaltung/lesemodelle");
    }
}
