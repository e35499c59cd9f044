package nrw.komman.web.report;

/**
 * The choice of a report, as typed: funding year, "Stand" date ({@code 2026-12-31} from a date field, or
 * {@code 31.12.2026} typed by hand) and, for those who see all centres, one centre's key.
 */
public class ReportForm {

    private Integer jahr;
    private String stand;
    private String zentrum;

    public Integer getJahr() {
        return jahr;
    }

    public void setJahr(Integer jahr) {
        this.jahr = jahr;
    }

    public String getStand() {
        return stand;
    }

    public void setStand(String stand) {
        this.stand = stand;
    }

    public String getZentrum() {
        return zentrum;
    }

    public void setZentrum(String zentrum) {
        this.zentrum = zentrum;
    }
}
