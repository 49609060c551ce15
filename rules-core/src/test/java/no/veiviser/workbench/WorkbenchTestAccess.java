package no.veiviser.workbench;

import no.veiviser.Guide;

/** The workbench API's JSON pieces, for tests outside this package. */
public final class WorkbenchTestAccess {
    private WorkbenchTestAccess() {}

    /** The guide's catalogue as the workbench API sends it. */
    public static String catalogueJson(Guide guide) {
        return ApiJson.catalogue(guide).toString();
    }
}
