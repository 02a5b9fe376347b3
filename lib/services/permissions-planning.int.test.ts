import { describePermissionMatrix } from "@/lib/testing/permission-matrix";
import { PLANNING_SAMPLES } from "@/lib/testing/permission-samples";

describePermissionMatrix("scenarios, demand plans and offers", PLANNING_SAMPLES);
