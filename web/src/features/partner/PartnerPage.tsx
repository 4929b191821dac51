import { PartnerDesk } from "../exchange/PartnerDesk";

/** nav.partner (/partner): the partner desk of townships and other departments (issue 8). */
export default function PartnerPage() {
  return (
    <div data-testid="page-partner">
      <PartnerDesk />
    </div>
  );
}
