import { describePermissionMatrix } from "@/lib/testing/permission-matrix";
import { ALLOCATION_SAMPLES } from "@/lib/testing/permission-samples";

describePermissionMatrix("teams, workloads and budgets", ALLOCATION_SAMPLES);
