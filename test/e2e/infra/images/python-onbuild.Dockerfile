# python:3-onbuild stand-in: docker-library/python's last 3.6 onbuild Dockerfile (f12c2df1, `FROM python:3.6-jessie`)
# on the python stand-in: the same instructions and triggers, src/knowledge/onbuild.ts
FROM python:3.11
RUN mkdir -p /usr/src/app
WORKDIR /usr/src/app
ONBUILD COPY requirements.txt /usr/src/app/
ONBUILD RUN pip install --no-cache-dir -r requirements.txt
ONBUILD COPY . /usr/src/app
