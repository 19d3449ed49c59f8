#!/usr/bin/env python3
"""Validate the secdesk labelled corpus: python3 check.py [ROOT [SET...]]

Without SET, every folder under ROOT holding an expected.jsonl is checked."""
import sys, os, json, re, html, email, email.policy, collections
from cvss import CVSS3, CVSS4
KEYS=["file","kind","language","cve_ids","cvss_vector","cvss_score","reported_score","has_remediation","remediation_hint","has_customer_message","customer_message_hint"]
root=sys.argv[1] if len(sys.argv)>1 else os.path.dirname(os.path.abspath(__file__))
errs=0
def err(m):
    global errs; errs+=1; print('ERROR',m)
def body_text(msg):
    out=[]
    for part in msg.walk():
        if part.is_multipart(): continue
        ct=part.get_content_type()
        if ct not in('text/plain','text/html'): continue
        t=part.get_content()
        if ct=='text/html': t=html.unescape(re.sub(r'<[^>]+>',' ',t))
        out.append(t)
    return '\n'.join(out)
sets=sys.argv[2:] or sorted(n for n in os.listdir(root) if os.path.isfile(os.path.join(root,n,'expected.jsonl')))
for setn in sets:
    d=os.path.join(root,setn); labs=[json.loads(l) for l in open(os.path.join(d,'expected.jsonl')) if l.strip()]
    files=sorted(f for f in os.listdir(d) if f.endswith('.eml'))
    names=[l['file'] for l in labs]
    for f in set(files)-set(names): err('%s/%s not labelled'%(setn,f))
    for f,c in collections.Counter(names).items():
        if c>1: err('%s/%s labelled %d times'%(setn,f,c))
        if f not in files: err('%s/%s labelled but missing'%(setn,f))
    cnt=collections.defaultdict(collections.Counter)
    for l in labs:
        fn=l['file']
        if list(l.keys())!=KEYS: err('%s keys %s'%(fn,list(l.keys())))
        if fn not in files: continue
        raw=open(os.path.join(d,fn),'rb').read()
        msg=email.message_from_bytes(raw,policy=email.policy.default)
        for h in('From','To','Subject','Date','Message-ID'):
            if not msg[h]: err('%s missing %s'%(fn,h))
        if msg['To'] and 'security@example.test' not in str(msg['To']): err('%s To'%fn)
        try: body=body_text(msg)
        except Exception as e: err('%s body decode %s'%(fn,e)); continue
        if not body.strip(): err('%s empty body'%fn)
        if '\ufffd' in body: err('%s replacement char in body'%fn)
        low=body.lower(); flat=re.sub(r'\s+',' ',low)
        if l['kind'] not in('vulnerability','incident','unknown'): err(fn+' kind')
        if l['language'] not in('en','it'): err(fn+' lang')
        if l['cve_ids']!=sorted(set(c.upper() for c in l['cve_ids'])): err(fn+' cve_ids not sorted/upper/unique')
        for c in l['cve_ids']:
            if c.lower() not in low+str(msg['Subject'] or '').lower(): err('%s %s not in body or subject'%(fn,c))
        # the subject counts too: "CVE-2025-1234 in your gateway" names it
        found=sorted(set(c.upper() for c in re.findall(r'cve-\d{4}-\d{4,}',low+'\n'+str(msg['Subject'] or '').lower())))
        if found!=l['cve_ids']: err('%s cve mismatch body=%s label=%s'%(fn,found,l['cve_ids']))
        v=l['cvss_vector']
        if v:
            if v.lower() not in low: err('%s vector not in body'%fn)
            try: s=CVSS4(v).base_score if v.startswith('CVSS:4.0/') else float(CVSS3(v).scores()[0])
            except Exception as e: err('%s bad vector %s'%(fn,e)); s=None
            if s is not None and float(s)!=l['cvss_score']: err('%s score %s != %s'%(fn,l['cvss_score'],s))
            if l['reported_score'] is not None: err(fn+' reported_score with vector')
            if 'cvss:4.0/' in low and not v.startswith('CVSS:4.0/'): err(fn+' has a 4.0 vector but label keeps 3.x')
        elif l['cvss_score'] is not None: err(fn+' score without vector')
        if l['reported_score'] is not None and not any(f in body for f in ('%.1f'%l['reported_score'],('%.1f'%l['reported_score']).replace('.',','))): err(fn+' reported_score not in body')
        for hk,bk in(('remediation_hint','has_remediation'),('customer_message_hint','has_customer_message')):
            h=l[hk]
            if l[bk]!=(h is not None): err('%s %s/%s inconsistent'%(fn,bk,hk))
            if h is not None:
                if not 5<=len(h)<=40: err('%s %s length %d'%(fn,hk,len(h)))
                if re.sub(r'\s+',' ',h.lower()) not in flat: err('%s %s %r not in body'%(fn,hk,h))
        for k in('kind','language','has_remediation','has_customer_message'): cnt[k][l[k]]+=1
    print('== %s: %d files, %d labels'%(setn,len(files),len(labs)))
    for k,c in cnt.items(): print('  %-22s %s'%(k,dict(sorted(c.items(),key=str))))
print('errors:',errs); sys.exit(1 if errs else 0)
