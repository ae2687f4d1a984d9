import { expect, test, type Browser, type Locator, type Page } from "@playwright/test";
import { expectNoAxeViolations, expectNoHorizontalScroll, PASSWORD, signUpOverHttp, uniqueEmail } from "./helpers";
import { linkIn, mailTo, verifyAddress, waitForMail } from "./mail";

// Two or three people each sign up and act in turn: longer than one person's test (and the
// machine running them may be shared: each step waits its own timeout).
test.describe.configure({ timeout: 300_000 });

type Person = { page: Page; name: string; email: string; close: () => Promise<void>; signOutHere: () => Promise<void> };

/** A person with a browser of their own (the coach and the seeker each have one). */
async function newPerson(browser: Browser, name: string): Promise<Person> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const email = uniqueEmail(name.split(" ")[0]!.toLowerCase());
  await signUpOverHttp(page, { name, email });
  return { page, name, email, close: () => context.close(), signOutHere: () => context.clearCookies() };
}

async function addLead(page: Page, company: string) {
  await page.goto("/leads/new");
  await page.getByLabel("Company").fill(company);
  await page.getByRole("button", { name: "Add lead" }).click();
  await expect(page).toHaveURL(/\/leads\/[0-9a-f-]{36}/);
}

/** A campaign that started a week ago, so the coach's chart has weeks to show. */
async function startCampaign(page: Page) {
  await page.goto("/settings");
  await page.getByLabel("Campaign start date").fill(new Date(Date.now() - 7 * 86_400_000).toISOString().slice(0, 10));
  await page.getByRole("button", { name: "Save campaign" }).click();
  await expect(page.getByRole("main").getByRole("status").first()).toBeVisible();
}

/** The Clients page shows a table from 768 px up; below, each of its rows shows as a card. */
const isPhone = (page: Page) => page.viewportSize()!.width < 768;

/** A client's entry on /coach: their row (a card on a phone). */
function clientEntry(page: Page, name: string): Locator {
  return page.getByRole("row", { name: new RegExp(name) });
}

/**
 * One measure of a client: the cell under its column header. On a phone the headers are hidden and
 * each card names its cells instead: the cell found must show that name before its value.
 */
async function measure(page: Page, name: string, label: string): Promise<Locator> {
  const entry = clientEntry(page, name);
  // The header row is in the page at every width (hidden below 768 px): its texts give the columns.
  const headers = (await page.locator("thead th").allTextContents()).map((text) => text.replace(/[↑↓]/g, "").trim());
  const column = headers.indexOf(label);
  expect(column, `a "${label}" column`).toBeGreaterThan(0);
  // The first column is the row's header (the client's name).
  const cell = entry.locator("td").nth(column - 1);
  if (isPhone(page)) {
    const shown = await cell.evaluate((element) => getComputedStyle(element, "::before").content);
    expect(shown, `the card names its "${label}"`).toBe(JSON.stringify(label));
  }
  return cell;
}

/** The clients' names in the order shown. */
async function clientNames(page: Page): Promise<string[]> {
  const names = page.getByRole("rowheader");
  return (await names.allTextContents()).map((name) => name.trim());
}

async function expectScreenOk(page: Page) {
  await expectNoAxeViolations(page);
  await expectNoHorizontalScroll(page);
}

async function createInvitation(coach: Page): Promise<{ link: string; code: string }> {
  await coach.goto("/coach");
  await coach.getByRole("button", { name: "Create an invitation" }).click();
  const link = await coach.getByLabel("Invitation link").inputValue();
  const code = await coach.getByLabel("Or the invitation code").inputValue();
  expect(link).toMatch(/\/invitations\/[A-Za-z0-9_-]{43}$/);
  expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
  return { link, code };
}

test("by link: the seeker sees what the coach will see, accepts, reads the coach's note, and ends it", async ({ browser }) => {
  const coach = await newPerson(browser, "Carla Coach");
  const seeker = await newPerson(browser, "Sam Seeker");
  await addLead(seeker.page, "Acme Rockets");
  await startCampaign(seeker.page);

  await coach.page.goto("/coach");
  await expect(coach.page.getByText("No clients yet.")).toBeVisible();
  await expectScreenOk(coach.page);
  const { link } = await createInvitation(coach.page);
  await expectScreenOk(coach.page);

  await seeker.page.goto(link);
  await expect(seeker.page.getByRole("heading", { name: "Invitation from Carla Coach" })).toBeVisible();
  await expect(seeker.page.getByText(coach.email)).toBeVisible();
  await expect(seeker.page.getByText("Carla Coach will see, read only:")).toBeVisible();
  // The client page shows the seeker's time zone (its dates are in it): the consent says so.
  await expect(seeker.page.getByText(/Your time zone:/)).toBeVisible();
  await expect(seeker.page.getByText(/can never change anything of yours/)).toBeVisible();
  await expectScreenOk(seeker.page);
  await seeker.page.getByRole("button", { name: "Accept and connect" }).click();
  await expect(seeker.page.getByText("You are connected with Carla Coach.")).toBeVisible();
  await expectScreenOk(seeker.page);

  // The coach's table: one client, with the lead not yet contacted.
  await coach.page.goto("/coach");
  const entry = clientEntry(coach.page, "Sam Seeker");
  await expect(entry).toBeVisible();
  await expect(await measure(coach.page, "Sam Seeker", "Contacted")).toHaveText("0 / 1");
  await expect(await measure(coach.page, "Sam Seeker", "On pace")).toContainText("—");
  await expect(coach.page.getByRole("heading", { name: "1 client" })).toBeVisible();
  await expectScreenOk(coach.page);

  await entry.getByRole("link", { name: "Sam Seeker" }).click();
  await expect(coach.page.getByRole("heading", { name: "Sam Seeker", level: 1 })).toBeVisible();
  await expect(coach.page.getByRole("rowheader", { name: "Acme Rockets" })).toBeVisible();
  await expect(coach.page.getByRole("figure", { name: /^Outbound touches per campaign week, Monday to Sunday: week 1: 0/ })).toBeVisible();
  // Read only: the only form is the note (ending the connection asks first, then is a form of its own).
  await expect(coach.page.getByRole("main").locator("form")).toHaveCount(1);
  await expectScreenOk(coach.page);
  const clientUrl = coach.page.url();

  await coach.page.getByRole("button", { name: "Leave note" }).click();
  await expect(coach.page.getByText("Write the note first.")).toBeVisible();
  await coach.page.getByLabel("Note for Sam Seeker").fill("Call Acme again on Monday, by phone.");
  await coach.page.getByRole("button", { name: "Leave note" }).click();
  await expect(coach.page.getByText(/^Note left\./)).toBeVisible();
  await expect(coach.page.getByText("showing on their Today")).toBeVisible();
  await expectScreenOk(coach.page);

  await seeker.page.goto("/today");
  await expect(seeker.page.getByText("A note from your coach, Carla Coach")).toBeVisible();
  await expect(seeker.page.getByText("Call Acme again on Monday, by phone.")).toBeVisible();

  await seeker.page.goto("/settings");
  await expect(seeker.page.getByRole("heading", { name: "Connected coaches" })).toBeVisible();
  await expectScreenOk(seeker.page);
  await seeker.page.getByRole("button", { name: "End connection with Carla Coach" }).click();
  // It asks first; Cancel leaves everything as it was.
  await expect(seeker.page.getByText("End the connection with Carla Coach?")).toBeFocused();
  await expectScreenOk(seeker.page);
  await seeker.page.getByRole("button", { name: "Cancel" }).click();
  await expect(seeker.page.getByRole("button", { name: "End connection with Carla Coach" })).toBeFocused();
  await seeker.page.getByRole("button", { name: "End connection with Carla Coach" }).click();
  await seeker.page.getByRole("button", { name: "Yes, end it with Carla Coach" }).click();
  await expect(seeker.page.getByText("No coach sees your progress.")).toBeVisible();

  // Access ends on the coach's next request.
  const response = await coach.page.goto(clientUrl);
  expect(response?.status()).toBe(404);
  // The app's own page, saying why, rather than the framework's bare 404.
  await expect(coach.page.getByRole("heading", { name: "This client is not connected with you" })).toBeVisible();
  await expect(coach.page.getByText(/no longer visible/)).toBeVisible();
  await expect(coach.page.getByRole("navigation", { name: "Main" })).toBeVisible();
  await expectScreenOk(coach.page);
  await coach.page.getByRole("link", { name: "All clients" }).click();
  await expect(coach.page).toHaveURL(/\/coach$/);
  await coach.page.goto("/coach");
  await expect(coach.page.getByText("No clients yet.")).toBeVisible();
  await expect(coach.page.getByText("Sam Seeker")).toHaveCount(0);
  await coach.close();
  await seeker.close();
});

test("by code: typed in lower case; a wrong code is explained; the coach ends it", async ({ browser }) => {
  const coach = await newPerson(browser, "Cody Coach");
  const seeker = await newPerson(browser, "Sue Seeker");
  const { code } = await createInvitation(coach.page);

  await seeker.page.goto("/invitations");
  await expectScreenOk(seeker.page);
  await seeker.page.getByLabel("Invitation code").fill("abcd-efgh");
  await seeker.page.getByRole("button", { name: "Find invitation" }).click();
  await expect(seeker.page.getByText(/There is no invitation with this link or code/)).toBeVisible();
  await expect(seeker.page.getByLabel("Invitation code")).toHaveAttribute("aria-invalid", "true");
  await expectScreenOk(seeker.page);

  await seeker.page.getByLabel("Invitation code").fill(code.toLowerCase());
  await seeker.page.getByRole("button", { name: "Find invitation" }).click();
  await expect(seeker.page.getByRole("heading", { name: "Invitation from Cody Coach" })).toBeVisible();
  await expect(seeker.page.getByText("Cody Coach will see, read only:")).toBeVisible();
  await expectScreenOk(seeker.page);
  await seeker.page.getByRole("button", { name: "Accept and connect" }).click();
  await expect(seeker.page.getByText("You are connected with Cody Coach.")).toBeVisible();

  // The same code a second time is used up.
  await seeker.page.goto(`/invitations?code=${code}`);
  await expect(seeker.page.getByText("You are connected with Cody Coach.")).toBeVisible();

  await coach.page.goto("/coach");
  await coach.page.getByRole("link", { name: "Sue Seeker" }).click();
  await coach.page.getByRole("button", { name: "End connection with Sue Seeker" }).click();
  await expect(coach.page.getByText("End the connection with Sue Seeker?")).toBeFocused();
  await coach.page.getByRole("button", { name: "Yes, end it with Sue Seeker" }).click();
  await expect(coach.page).toHaveURL(/\/coach\?ended=1$/);
  await expect(coach.page.getByText("Connection ended.")).toBeVisible();
  await expect(coach.page.getByText("No clients yet.")).toBeVisible();

  await seeker.page.goto("/settings");
  await expect(seeker.page.getByText("No coach sees your progress.")).toBeVisible();
  await coach.close();
  await seeker.close();
});

test("a link opened signed out names the inviter, then goes through sign-in and back; forged and own links are refused", async ({ browser }) => {
  const coach = await newPerson(browser, "Coco Coach");
  const forged = await coach.page.goto(`/invitations/${"Q".repeat(43)}`);
  expect(forged?.status()).toBe(404);
  await expect(coach.page.getByRole("heading", { name: "Invitation not found" })).toBeVisible();
  await expectScreenOk(coach.page);

  const { link } = await createInvitation(coach.page);
  await coach.page.goto(link);
  await expect(coach.page.getByText(/This is your own invitation/)).toBeVisible();
  await expect(coach.page.getByRole("button", { name: "Accept and connect" })).toHaveCount(0);
  await expectScreenOk(coach.page);

  const seeker = await newPerson(browser, "Sol Seeker");
  await seeker.signOutHere();
  await seeker.page.goto(link);
  // Whose invitation it is, and nothing else of the coach's (not their address).
  await expect(seeker.page.getByRole("heading", { name: "Invitation from Coco Coach" })).toBeVisible();
  await expect(seeker.page.getByText(coach.email)).toHaveCount(0);
  await expectScreenOk(seeker.page);
  await seeker.page.getByRole("main").getByRole("link", { name: "Sign in" }).click();
  await expect(seeker.page).toHaveURL(/\/sign-in\?next=%2Finvitations%2F/);
  // The sign-in form on this very page, which carries the way back.
  await seeker.page.getByLabel("E-mail", { exact: true }).fill(seeker.email);
  await seeker.page.getByLabel("Password").fill(PASSWORD);
  await seeker.page.getByRole("button", { name: "Sign in" }).click();
  await expect(seeker.page.getByRole("heading", { name: "Invitation from Coco Coach" })).toBeVisible();
  await expect(seeker.page.getByRole("button", { name: "Accept and connect" })).toBeVisible();
  await coach.close();
  await seeker.close();
});

test("by e-mail: the seeker invites the coach, whose mail waits for the seeker's verified address; only a verified coach accepts", async ({ browser }) => {
  const seeker = await newPerson(browser, "Sid Seeker");
  const coach = await newPerson(browser, "Cleo Coach");

  await seeker.page.goto("/settings");
  await seeker.page.getByLabel("Coach's e-mail").fill(seeker.email);
  await seeker.page.getByRole("button", { name: "Invite coach" }).click();
  await expect(seeker.page.getByText("That is your own e-mail address.")).toBeVisible();
  await seeker.page.getByLabel("Coach's e-mail").fill(coach.email.toUpperCase());
  await seeker.page.getByRole("button", { name: "Invite coach" }).click();
  await expect(seeker.page.getByText(/we e-mail it as soon as you confirm your own address/)).toBeVisible();
  await expect(seeker.page.getByRole("button", { name: `Withdraw invitation to ${coach.email}` })).toBeVisible();
  await expectScreenOk(seeker.page);

  // Whoever signed up with the coach's address sees it, but cannot accept without reading its mail.
  await coach.page.goto("/coach");
  await expect(coach.page.getByRole("heading", { name: "Asking you to be their coach" })).toBeVisible();
  await expect(coach.page.getByText(seeker.email)).toBeVisible();
  await expectScreenOk(coach.page);
  await coach.page.getByRole("button", { name: "Accept Sid Seeker" }).click();
  await expect(coach.page.getByText(/^Confirm your e-mail address first/).first()).toBeVisible();
  expect(mailTo(coach.email).filter((mail) => /invites you/.test(mail.subject))).toEqual([]);

  // The seeker confirms their address: the invitation goes out, as a one-time link.
  await verifyAddress(seeker.page, seeker.email);
  const invitation = await waitForMail(coach.email, /^Sid Seeker invites you to follow their job search on Cadence$/);
  const link = linkIn(invitation, "/invitations/");
  await verifyAddress(coach.page, coach.email);
  await coach.page.goto(link);
  await coach.page.getByRole("button", { name: "Accept Sid Seeker as a client" }).click();
  await expect(coach.page.getByText(/Sid Seeker is (now )?your client/).first()).toBeVisible();
  await coach.page.goto("/coach");
  await expect(clientEntry(coach.page, "Sid Seeker")).toBeVisible();
  await expect(coach.page.getByRole("heading", { name: "Asking you to be their coach" })).toHaveCount(0);

  await seeker.page.goto("/settings");
  await expect(seeker.page.getByRole("button", { name: "End connection with Cleo Coach" })).toBeVisible();
  await coach.close();
  await seeker.close();
});

test("the Clients table sorts by column and fits a phone", async ({ browser }, testInfo) => {
  const coach = await newPerson(browser, "Cass Coach");
  // Each person's browser has the project's screen: 360 px wide on the phone.
  expect(coach.page.viewportSize()?.width).toBe(testInfo.project.name === "phone" ? 360 : 1280);
  for (const name of ["Ann Able", "Ben Busy"]) {
    const seeker = await newPerson(browser, name);
    const { link } = await createInvitation(coach.page);
    await seeker.page.goto(link);
    await seeker.page.getByRole("button", { name: "Accept and connect" }).click();
    await expect(seeker.page.getByText(`You are connected with Cass Coach.`)).toBeVisible();
    await seeker.close();
  }
  await coach.page.goto("/coach");
  // By a column header on a wide screen, by the sort form above the cards on a phone.
  const sortByName = async (direction: "asc" | "desc") => {
    if (isPhone(coach.page)) {
      await coach.page.getByLabel("Sort clients by").selectOption({ label: "Client" });
      await coach.page.getByRole("button", { name: "Sort", exact: true }).click();
      if (direction === "desc") await coach.page.goto("/coach?sort=name&dir=desc");
    } else {
      await coach.page.getByRole("link", { name: "Client", exact: true }).click();
    }
    await expect(coach.page).toHaveURL(new RegExp(`sort=name${direction === "asc" ? "" : "&dir=desc"}`));
  };
  await sortByName("asc");
  if (!isPhone(coach.page)) await expect(coach.page.getByRole("columnheader", { name: /Client/ })).toHaveAttribute("aria-sort", "ascending");
  expect(await clientNames(coach.page)).toEqual(["Ann Able", "Ben Busy"]);
  await sortByName("desc");
  expect(await clientNames(coach.page)).toEqual(["Ben Busy", "Ann Able"]);
  await expectScreenOk(coach.page);
  await coach.page.getByRole("link", { name: "Most at risk first" }).click();
  await expect(coach.page).toHaveURL(/\/coach$/);
  await coach.close();
});

test("the Clients measures: on pace first, the campaign, the daily call, the risks and the weekly chart, at 1280 px and on a phone", async ({ browser }) => {
  const coach = await newPerson(browser, "Cato Coach");
  const seeker = await newPerson(browser, "Pia Pace");
  await startCampaign(seeker.page);
  await seeker.page.goto("/leads/new");
  await seeker.page.getByLabel("Company").fill("Acme Rockets");
  await seeker.page.getByLabel("Phone").fill("+1 202 555 0100");
  await seeker.page.getByRole("button", { name: "Add lead" }).click();
  await expect(seeker.page.getByRole("heading", { name: "Acme Rockets" })).toBeVisible();
  // The call: one outbound phone touch, logged with one tap on the lead's page.
  await seeker.page.getByRole("region", { name: "Log a touch" }).getByRole("button", { name: "Phone", exact: true }).click();
  await expect(seeker.page.getByText("Logged: Phone with Acme Rockets.")).toBeVisible();
  await addLead(seeker.page, "Globex");

  const { link } = await createInvitation(coach.page);
  await seeker.page.goto(link);
  await seeker.page.getByRole("button", { name: "Accept and connect" }).click();
  await expect(seeker.page.getByText("You are connected with Cato Coach.")).toBeVisible();

  await coach.page.goto("/coach");
  const value = (label: string) => measure(coach.page, "Pia Pace", label);
  await expect(await value("On pace")).toContainText("100%");
  await expect(await value("On pace")).toContainText("1 of 1 lead");
  await expect(await value("Contacted")).toHaveText("1 / 2");
  await expect(await value("Campaign")).toHaveText(/^Week \d+ of \d+$/);
  await expect(await value("First contacts this week")).toHaveText(/^1 \/ \d+$/);
  // Today counts once the call is made (on a day off it is no contact day, and the streak skips it).
  const contactDay = ![0, 6].includes(new Date().getDay());
  await expect(await value("Call streak")).toContainText(contactDay ? "1" : "0");
  // Whether today's call is made shows beside the streak, on the table and on a phone's card.
  await expect(await value("Call streak")).toContainText("called today");
  for (const label of ["Overdue", "Cold", "Quiet", "Too soon"]) await expect(await value(label)).toHaveText("0");
  await expect(await value("Phone")).toHaveText("100%");
  await expect(await value("Last touch")).toHaveText("Today");
  // The chart says its numbers in words, and shows its scale (0 to the busiest week).
  const chart = clientEntry(coach.page, "Pia Pace").getByRole("figure", { name: /^Outbound touches per campaign week, Monday to Sunday: week 1: \d/ });
  await expect(chart).toBeVisible();
  await expect(chart).toContainText("1");
  await expect(chart).toContainText("0");
  await expectScreenOk(coach.page);
  if (!isPhone(coach.page)) {
    // Every column shows at 1280 px: the table does not scroll inside its box either.
    const table = coach.page.getByRole("region", { name: /^Clients,/ });
    expect(await table.evaluate((box) => box.scrollWidth - box.clientWidth)).toBeLessThanOrEqual(0);
    await expect(coach.page.getByRole("columnheader").first()).toHaveText("Client");
    await expect(coach.page.getByRole("columnheader").nth(1)).toHaveText("On pace");
  }

  await clientEntry(coach.page, "Pia Pace").getByRole("link", { name: "Pia Pace" }).click();
  await expect(coach.page.getByRole("heading", { name: "Pia Pace", level: 1 })).toBeVisible();
  await expect(coach.page.getByText("100% (1 of 1 lead)")).toBeVisible();
  await expect(coach.page.getByText("Quiet leads")).toBeVisible();
  await expectScreenOk(coach.page);
  await coach.close();
  await seeker.close();
});
