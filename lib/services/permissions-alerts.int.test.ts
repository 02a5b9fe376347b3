import { describePermissionMatrix } from "@/lib/testing/permission-matrix";
import { ALERTS_SAMPLES } from "@/lib/testing/permission-samples";

describePermissionMatrix("alert rules and alerts", ALERTS_SAMPLES);
