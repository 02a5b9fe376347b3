import { describePermissionMatrix } from "@/lib/testing/permission-matrix";
import { ACCESS_SAMPLES } from "@/lib/testing/permission-samples";

describePermissionMatrix("users, API keys, reports and share links", ACCESS_SAMPLES);
