import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectNoAxeViolations, expectNoHorizontalScroll, PASSWORD, signUp, uniqueEmail } from "./helpers";
import { linkIn, mailTo, verifyAddress, waitForMail } from "./mail";

// Two or three people each sign up and act in turn: longer than one person's test.
test.describe.configure({ timeout: 150_000 });

type Person = { page: Page; name: string; email: string; close: () => Promise<void>; signOutHere: () => Promise<void> };

/** A person with a browser of their own (the coach and the seeker each have one). */
async function newPerson(browser: Browser, name: string): Promise<Person> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const email = uniqueEmail(name.split(" ")[0]!.toLowerCase());
  await signUp(page, { name, email });
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
  await page.getByRole("button", { name: "Save campaign and goals" }).click();
  await expect(page.getByRole("main").getByRole("status").first()).toBeVisible();
}

async function expectScreenOk(page: Page) {
  await expectNoAxeViolations(page);
  await expectNoHorizontalScroll(page);
}

async function createInvitation(coach: Page): Promise<{ link: string; code: string }> {
  await coach.goto("/coach");
  await coach.getByRole("button", { name: "Create an invitation" }).click();
  const link = await coach.getByLabel("Invitation link").inputValue();
  const code = (await coach.getByTestId("invitation-code").textContent()) ?? "";
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
  const row = coach.page.getByRole("row", { name: /Sam Seeker/ });
  await expect(row).toBeVisible();
  await expect(row.getByRole("cell").nth(1)).toHaveText("0 / 1");
  await expect(coach.page.getByRole("heading", { name: "1 client" })).toBeVisible();
  await expectScreenOk(coach.page);

  await row.getByRole("link", { name: "Sam Seeker" }).click();
  await expect(coach.page.getByRole("heading", { name: "Sam Seeker", level: 1 })).toBeVisible();
  await expect(coach.page.getByRole("rowheader", { name: "Acme Rockets" })).toBeVisible();
  await expect(coach.page.getByRole("img", { name: /^Outbound touches per campaign week \(goal 5 a week\): week 1: 0/ })).toBeVisible();
  // Read only: the only forms are the note and ending the connection.
  await expect(coach.page.getByRole("main").locator("form")).toHaveCount(2);
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
  await expect(coach.page).toHaveURL(/\/coach\?ended=1$/);
  await expect(coach.page.getByText("Connection ended.")).toBeVisible();
  await expect(coach.page.getByText("No clients yet.")).toBeVisible();

  await seeker.page.goto("/settings");
  await expect(seeker.page.getByText("No coach sees your progress.")).toBeVisible();
  await coach.close();
  await seeker.close();
});

test("a link opened signed out goes through sign-in and back; forged and own links are refused", async ({ browser }) => {
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
  await expect(seeker.page).toHaveURL(/\/sign-in\?next=%2Finvitations%2F/);
  // The sign-in form on this very page, which carries the way back.
  await seeker.page.getByLabel("E-mail").fill(seeker.email);
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
  await expect(coach.page.getByRole("row", { name: /Sid Seeker/ })).toBeVisible();
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
  await coach.page.getByRole("link", { name: "Client", exact: true }).click();
  await expect(coach.page).toHaveURL(/sort=name&dir=asc/);
  await expect(coach.page.getByRole("columnheader", { name: /Client/ })).toHaveAttribute("aria-sort", "ascending");
  const names = () => coach.page.getByRole("rowheader").allTextContents();
  expect(await names()).toEqual(["Ann Able", "Ben Busy"]);
  await coach.page.getByRole("link", { name: "Client", exact: true }).click();
  await expect(coach.page).toHaveURL(/sort=name&dir=desc/);
  expect(await names()).toEqual(["Ben Busy", "Ann Able"]);
  await expectScreenOk(coach.page);
  await coach.page.getByRole("link", { name: "Most at risk first" }).click();
  await expect(coach.page).toHaveURL(/\/coach$/);
  await coach.close();
});
