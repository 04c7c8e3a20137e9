<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>BarChart</name>
    <message>
        <location filename="../charts.py" line="71"/>
        <source>暂无数据</source>
        <translation>No data yet</translation>
    </message>
</context>
<context>
    <name>BasicsPage</name>
    <message>
        <location filename="../project_form/basics.py" line="16"/>
        <source>项目名称(&amp;N)*</source>
        <translation>Project &amp;name*</translation>
    </message>
    <message>
        <location filename="../project_form/basics.py" line="17"/>
        <source>项目编号</source>
        <translation>Project code</translation>
    </message>
    <message>
        <location filename="../project_form/basics.py" line="17"/>
        <source>可不填</source>
        <translation>Optional</translation>
    </message>
    <message>
        <location filename="../project_form/basics.py" line="21"/>
        <source>内外资(&amp;C)</source>
        <translation>&amp;Capital source</translation>
    </message>
    <message>
        <location filename="../project_form/basics.py" line="23"/>
        <source>建设性质</source>
        <translation>Construction type</translation>
    </message>
    <message>
        <location filename="../project_form/basics.py" line="26"/>
        <source>项目定位</source>
        <translation>Designation</translation>
    </message>
    <message>
        <location filename="../project_form/basics.py" line="28"/>
        <source>如:镇江市重点产业类项目</source>
        <translation>e.g. Zhenjiang key industrial project</translation>
    </message>
    <message>
        <location filename="../project_form/basics.py" line="30"/>
        <source>拟落户载体</source>
        <translation>Planned site</translation>
    </message>
    <message>
        <location filename="../project_form/basics.py" line="30"/>
        <source>园区或镇区</source>
        <translation>Park or town</translation>
    </message>
    <message>
        <location filename="../project_form/basics.py" line="31"/>
        <source>信息来源</source>
        <translation>Information source</translation>
    </message>
</context>
<context>
    <name>Binder</name>
    <message>
        <location filename="../project_form/binder.py" line="125"/>
        <source>请填写整数人数</source>
        <translation>Enter a whole number of people</translation>
    </message>
    <message>
        <location filename="../project_form/binder.py" line="204"/>
        <location filename="../project_form/binder.py" line="229"/>
        <source>第%1行(%2)</source>
        <translation>Row %1 (%2)</translation>
    </message>
</context>
<context>
    <name>BriefingDialog</name>
    <message>
        <location filename="../report_dialogs.py" line="68"/>
        <source>生成招商工作简报</source>
        <translation>Create investment briefing</translation>
    </message>
    <message>
        <location filename="../report_dialogs.py" line="75"/>
        <source>报头上的日期;期数按此日期的年度编号</source>
        <translation>The date in the masthead; issues are numbered by its year</translation>
    </message>
    <message>
        <location filename="../report_dialogs.py" line="79"/>
        <source>全市</source>
        <translation>Citywide</translation>
    </message>
    <message>
        <location filename="../report_dialogs.py" line="97"/>
        <source>浏览…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location filename="../report_dialogs.py" line="72"/>
        <location filename="../report_dialogs.py" line="106"/>
        <source>起始日期</source>
        <translation>Start date</translation>
    </message>
    <message>
        <location filename="../report_dialogs.py" line="73"/>
        <location filename="../report_dialogs.py" line="107"/>
        <source>截止日期</source>
        <translation>End date</translation>
    </message>
    <message>
        <location filename="../report_dialogs.py" line="108"/>
        <source>范围</source>
        <translation>Scope</translation>
    </message>
    <message>
        <location filename="../report_dialogs.py" line="74"/>
        <location filename="../report_dialogs.py" line="109"/>
        <source>签发日期</source>
        <translation>Date of issue</translation>
    </message>
    <message>
        <location filename="../report_dialogs.py" line="110"/>
        <source>期数</source>
        <translation>Issue no.</translation>
    </message>
    <message>
        <location filename="../report_dialogs.py" line="111"/>
        <source>保存为</source>
        <translation>Save as</translation>
    </message>
    <message>
        <location filename="../report_dialogs.py" line="139"/>
        <source>保存简报</source>
        <translation>Save briefing</translation>
    </message>
    <message>
        <location filename="../report_dialogs.py" line="139"/>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../report_dialogs.py" line="157"/>
        <source>起始日期晚于截止日期</source>
        <translation>The start date is after the end date</translation>
    </message>
    <message>
        <location filename="../report_dialogs.py" line="161"/>
        <source>请选择一个已存在的文件夹,文件名以 .pdf 结尾</source>
        <translation>Choose an existing folder and a file name ending in .pdf</translation>
    </message>
    <message>
        <location filename="../report_dialogs.py" line="178"/>
        <source>简报期数</source>
        <translation>Briefing issue number</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <location filename="../handover_view.py" line="324"/>
        <location filename="../handover_view.py" line="401"/>
        <source>处理冲突</source>
        <translation>Resolve conflicts</translation>
    </message>
    <message>
        <location filename="../handover_view.py" line="331"/>
        <source>字段</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../handover_view.py" line="331"/>
        <source>总部</source>
        <translation>Headquarters</translation>
    </message>
    <message>
        <location filename="../handover_view.py" line="331"/>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../handover_view.py" line="337"/>
        <source>总部和单位都改过这些记录。请逐条选择保留哪一方的版本;处理后可用 Ctrl+Z 撤销。</source>
        <translation>Both headquarters and the unit changed these records. Choose, one by one, which version to keep; Ctrl+Z undoes a choice.</translation>
    </message>
    <message>
        <location filename="../handover_view.py" line="340"/>
        <source>保留总部版本(&amp;H)</source>
        <translation>Keep &amp;headquarters&apos; version</translation>
    </message>
    <message>
        <location filename="../handover_view.py" line="343"/>
        <source>采用单位版本(&amp;U)</source>
        <translation>Take the &amp;unit&apos;s version</translation>
    </message>
    <message>
        <location filename="../handover_view.py" line="346"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../handover_view.py" line="367"/>
        <source>%1(%2,%3)</source>
        <translation>%1 (%2, %3)</translation>
    </message>
    <message>
        <location filename="../handover_view.py" line="395"/>
        <source>采用单位版本:%1</source>
        <translation>Take the unit&apos;s version: %1</translation>
    </message>
    <message>
        <location filename="../handover_view.py" line="395"/>
        <source>保留总部版本:%1</source>
        <translation>Keep headquarters&apos; version: %1</translation>
    </message>
</context>
<context>
    <name>ContentPage</name>
    <message>
        <location filename="../project_form/content.py" line="40"/>
        <source>建设内容及规模</source>
        <translation>Scope of construction</translation>
    </message>
    <message>
        <location filename="../project_form/content.py" line="42"/>
        <source>如:新建厂房约30000平方米,建设电池箔专用生产线</source>
        <translation>e.g. new plant of about 30,000 m² with a dedicated battery-foil line</translation>
    </message>
    <message>
        <location filename="../project_form/content.py" line="51"/>
        <source>用地(亩)(&amp;L)</source>
        <translation>&amp;Land (mu)</translation>
    </message>
    <message>
        <location filename="../project_form/content.py" line="59"/>
        <source>建筑面积(㎡)</source>
        <translation>Floor area (m²)</translation>
    </message>
    <message>
        <location filename="../project_form/content.py" line="67"/>
        <source>投资强度</source>
        <translation>Investment intensity</translation>
    </message>
    <message>
        <location filename="../project_form/content.py" line="68"/>
        <source>预计年销售</source>
        <translation>Expected annual sales</translation>
    </message>
    <message>
        <location filename="../project_form/content.py" line="69"/>
        <source>预计年产值</source>
        <translation>Expected annual output</translation>
    </message>
    <message>
        <location filename="../project_form/content.py" line="70"/>
        <source>预计年税收</source>
        <translation>Expected annual tax</translation>
    </message>
    <message>
        <location filename="../project_form/content.py" line="73"/>
        <source>新增就业(人)</source>
        <translation>New jobs</translation>
    </message>
    <message>
        <location filename="../project_form/content.py" line="81"/>
        <source>产品</source>
        <translation>Product</translation>
    </message>
    <message>
        <location filename="../project_form/content.py" line="82"/>
        <source>限定</source>
        <translation>Qualifier</translation>
    </message>
    <message>
        <location filename="../project_form/content.py" line="83"/>
        <source>数量</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <location filename="../project_form/content.py" line="84"/>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../project_form/content.py" line="85"/>
        <source>所属分期</source>
        <translation>Phase</translation>
    </message>
    <message>
        <location filename="../project_form/content.py" line="97"/>
        <source>添加产能</source>
        <translation>Add capacity</translation>
    </message>
    <message>
        <location filename="../project_form/content.py" line="99"/>
        <source>删除产能</source>
        <translation>Remove capacity</translation>
    </message>
    <message>
        <location filename="../project_form/content.py" line="101"/>
        <source>产能</source>
        <translation>Capacity</translation>
    </message>
    <message>
        <location filename="../project_form/content.py" line="137"/>
        <source>全部达产</source>
        <translation>At full capacity</translation>
    </message>
    <message>
        <location filename="../project_form/content.py" line="154"/>
        <source>(填写总投资和用地后自动计算)</source>
        <translation>(calculated once total investment and land are filled in)</translation>
    </message>
    <message>
        <location filename="../project_form/content.py" line="160"/>
        <source>(外资项目需先在 设置 中填写汇率)</source>
        <translation>(foreign projects need an exchange rate, entered in Settings)</translation>
    </message>
    <message>
        <location filename="../project_form/content.py" line="163"/>
        <source>(按1美元=%1元人民币折算)</source>
        <translation> (at 1 USD = %1 CNY)</translation>
    </message>
    <message>
        <location filename="../project_form/content.py" line="166"/>
        <source>%1/亩</source>
        <translation>%1 per mu</translation>
    </message>
</context>
<context>
    <name>Controller</name>
    <message>
        <location filename="../controllers/base.py" line="36"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <location filename="../dashboard.py" line="132"/>
        <source>统计期间(&amp;P)</source>
        <translation>&amp;Period</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="134"/>
        <source>单位(&amp;U)</source>
        <translation>&amp;Unit</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="138"/>
        <source>从</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="140"/>
        <source>至</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="163"/>
        <source>新签约</source>
        <translation>Newly signed</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="178"/>
        <source>在手在谈</source>
        <translation>Pipeline</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="199"/>
        <source>新签约项目 · 按投资规模</source>
        <translation>Newly signed projects · by size</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="201"/>
        <source>新签约项目 · 按产业类别</source>
        <translation>Newly signed projects · by industry</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="207"/>
        <source>各单位情况</source>
        <translation>By unit</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="213"/>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="214"/>
        <source>签约个数</source>
        <translation>Signed</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="215"/>
        <source>签约总投资(亿元)</source>
        <translation>Signed total (100M CNY)</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="216"/>
        <source>在手在谈个数</source>
        <translation>Pipeline</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="217"/>
        <source>总投资(亿元)</source>
        <translation>Pipeline total (100M CNY)</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="227"/>
        <source>双击或按回车查看该单位的数字</source>
        <translation>Double-click or press Enter to see this unit&apos;s figures</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="257"/>
        <source>本年至今</source>
        <translation>Year to date</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="262"/>
        <source>{year}年1~{month}月</source>
        <translation>Months 1–{month} of {year}</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="269"/>
        <source>{year}年上半年</source>
        <translation>First half of {year}</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="274"/>
        <source>上月</source>
        <translation>Last month</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="277"/>
        <source>{year}年全年</source>
        <translation>Full year {year}</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="281"/>
        <source>自定义</source>
        <translation>Custom</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="299"/>
        <location filename="../dashboard.py" line="493"/>
        <source>全市</source>
        <translation>Citywide</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="329"/>
        <source>起始日期晚于结束日期,请调整统计期间。</source>
        <translation>The start date is after the end date. Please adjust the period.</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="350"/>
        <source>{reason}。仍显示 {start} 至 {end} 的数字。</source>
        <translation>{reason}. The figures shown are still those of {start} to {end}.</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="484"/>
        <source>无法计算统计数字:{reason}</source>
        <translation>The figures could not be computed: {reason}</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="495"/>
        <source>{start} 至 {end} {scope}</source>
        <translation>{start} to {end} {scope}</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="500"/>
        <source>新签约亿元以上产业项目 {count} 个</source>
        <translation>Newly signed industrial projects of 100M CNY or more: {count}</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="504"/>
        <source>内资总投资 {total}(外资未折算)</source>
        <translation>Domestic total: {total} (foreign not converted)</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="510"/>
        <source>总投资 {total}</source>
        <translation>Total investment: {total}</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="513"/>
        <source>其中内资 {d} 个 {dt},外资 {f} 个 {ft}</source>
        <translation>Domestic: {d}, {dt}; foreign: {f}, {ft}</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="544"/>
        <source>内资 {count} 个 {total}</source>
        <translation>Domestic: {count}, {total}</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="549"/>
        <source>外资 {count} 个 {total}</source>
        <translation>Foreign: {count}, {total}</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="521"/>
        <source>“{name}”产业项目 {count} 个,占比 {pct}%</source>
        <translation>“{name}” chain projects: {count} ({pct}%)</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="128"/>
        <source>起始日期</source>
        <translation>Start date</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="129"/>
        <source>结束日期</source>
        <translation>End date</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="526"/>
        <source>制造业 {n} 个</source>
        <translation>Manufacturing: {n}</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="527"/>
        <source>服务业 {n} 个</source>
        <translation>Services: {n}</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="530"/>
        <source>其他 {n} 个</source>
        <translation>Other: {n}</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="534"/>
        <source>截至 {when} 在手在谈 {count} 个</source>
        <translation>Pipeline as of {when}: {count} projects</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="539"/>
        <source>其中在谈 {talks} 个,已签约未开工 {signed} 个</source>
        <translation>In talks: {talks}; signed, construction not started: {signed}</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="557"/>
        <source>尚未设定汇率:外资项目以美元单列,不折算人民币,不计入总投资和规模档次。请在 设置 中填写 1 美元兑人民币的汇率及其日期。</source>
        <translation>No exchange rate is set: foreign projects are shown in USD on their own, not converted to CNY, and left out of the totals and size bands. Enter the USD→CNY rate and its date in Settings.</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="562"/>
        <source>未填写</source>
        <translation>not set</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="565"/>
        <source>新签约总投资、规模档次和各单位总投资中的外资项目按 1 美元 = {rate} 元人民币折算(汇率日期:{when});在手在谈的内资、外资分别列示。</source>
        <translation>Foreign projects in the newly signed total, the size bands and the unit totals are converted at 1 USD = {rate} CNY (rate date: {when}); the pipeline shows domestic and foreign projects separately.</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="581"/>
        <source>{bound}亿元以下</source>
        <translation>&lt; {bound} × 100M CNY</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="582"/>
        <source>{bound}亿元以上</source>
        <translation>≥ {bound} × 100M CNY</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <location filename="../date_field.py" line="76"/>
        <source>如 2023-05-20</source>
        <translation>e.g. 2023-05-20</translation>
    </message>
    <message>
        <location filename="../date_field.py" line="78"/>
        <source>可输入 2023-05-20、20230520、2023/5/20、2023年5月20日,或 5.20(今年);Alt+↓ 打开日历</source>
        <translation>Type 2023-05-20, 20230520, 2023/5/20, 2023年5月20日, or 5.20 (this year); Alt+Down opens the calendar</translation>
    </message>
    <message>
        <location filename="../date_field.py" line="86"/>
        <source>从日历中选择</source>
        <translation>Pick from the calendar</translation>
    </message>
    <message>
        <location filename="../date_field.py" line="100"/>
        <source>%1:“%2”不是有效日期,请按 2023-05-20 的格式填写</source>
        <translation>%1: “%2” is not a valid date; write it as 2023-05-20</translation>
    </message>
    <message>
        <location filename="../date_field.py" line="105"/>
        <source>请填写%1,如 2023-05-20</source>
        <translation>Enter the %1, e.g. 2023-05-20</translation>
    </message>
</context>
<context>
    <name>DuplicateDialog</name>
    <message>
        <location filename="../handover_view.py" line="426"/>
        <location filename="../handover_view.py" line="514"/>
        <source>疑似重复项目</source>
        <translation>Suspected duplicate projects</translation>
    </message>
    <message>
        <location filename="../handover_view.py" line="430"/>
        <source>以下项目由不同单位报送,看起来是同一个项目。判定前只按首报单位统计一次。</source>
        <translation>These projects, reported by different units, look like one project. Until you decide, each pair counts once, for the unit that reported it first.</translation>
    </message>
    <message>
        <location filename="../handover_view.py" line="446"/>
        <source>同一项目,计入所选单位(&amp;S)</source>
        <translation>&amp;Same project, credited to the chosen unit</translation>
    </message>
    <message>
        <location filename="../handover_view.py" line="449"/>
        <source>不同项目(&amp;D)</source>
        <translation>&amp;Different projects</translation>
    </message>
    <message>
        <location filename="../handover_view.py" line="452"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../handover_view.py" line="455"/>
        <source>计入:</source>
        <translation>Credit:</translation>
    </message>
    <message>
        <location filename="../handover_view.py" line="474"/>
        <source>%1 / %2(%3)</source>
        <translation>%1 / %2 (%3)</translation>
    </message>
    <message>
        <location filename="../handover_view.py" line="499"/>
        <source> — 首报</source>
        <translation> — first reported</translation>
    </message>
    <message>
        <location filename="../handover_view.py" line="508"/>
        <source>判定为同一项目</source>
        <translation>Judged the same project</translation>
    </message>
    <message>
        <location filename="../handover_view.py" line="508"/>
        <source>判定为不同项目</source>
        <translation>Judged different projects</translation>
    </message>
</context>
<context>
    <name>DutiesPage</name>
    <message>
        <location filename="../project_form/duties.py" line="19"/>
        <source>(请选择)</source>
        <translation>(choose)</translation>
    </message>
    <message>
        <location filename="../project_form/duties.py" line="25"/>
        <source>责任单位(&amp;U)*</source>
        <translation>Responsible &amp;unit*</translation>
    </message>
    <message>
        <location filename="../project_form/duties.py" line="26"/>
        <source>责任人</source>
        <translation>Person in charge</translation>
    </message>
    <message>
        <location filename="../project_form/duties.py" line="27"/>
        <source>需协调解决问题</source>
        <translation>Issues to resolve</translation>
    </message>
    <message>
        <location filename="../project_form/duties.py" line="28"/>
        <source>备注</source>
        <translation>Remarks</translation>
    </message>
</context>
<context>
    <name>FileController</name>
    <message>
        <location filename="../controllers/files.py" line="81"/>
        <source>(无)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../controllers/files.py" line="83"/>
        <source>清除列表</source>
        <translation>Clear List</translation>
    </message>
    <message>
        <location filename="../controllers/files.py" line="152"/>
        <source>正在检查文件中的数据,完成后即可编辑…</source>
        <translation>Checking the file&apos;s data; editing is possible once it is done…</translation>
    </message>
    <message>
        <location filename="../controllers/files.py" line="182"/>
        <source>文件检查完毕</source>
        <translation>File check complete</translation>
    </message>
    <message>
        <location filename="../controllers/files.py" line="186"/>
        <source>文件中有数据无法读取,统计数字可能不准确,编辑功能已关闭:%1</source>
        <translation>Some data in this file cannot be read; the figures may be wrong and editing is off: %1</translation>
    </message>
    <message>
        <location filename="../controllers/files.py" line="233"/>
        <source>已接管 %1(电脑 %2)留下的锁,此次接管已记录在文件中</source>
        <translation>Took over the lock left by %1 (computer %2); the takeover is logged in the file</translation>
    </message>
    <message>
        <location filename="../controllers/files.py" line="245"/>
        <source>文件正在使用</source>
        <translation>File in use</translation>
    </message>
    <message>
        <location filename="../controllers/files.py" line="249"/>
        <source>只有确认那台电脑已关机或程序已退出时才接管;两台电脑同时修改同一个文件会丢失数据。接管会记录在文件中。</source>
        <translation>Take over only if that computer is switched off or the program there has exited: two computers changing one file lose data. The takeover is logged in the file.</translation>
    </message>
    <message>
        <location filename="../controllers/files.py" line="253"/>
        <source>接管并打开</source>
        <translation>Take over and open</translation>
    </message>
    <message>
        <location filename="../controllers/files.py" line="254"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../controllers/files.py" line="295"/>
        <source>上次打开此文件时程序意外退出,因此没有自动打开。可以再试一次,或使用备份。</source>
        <translation>The program quit unexpectedly while opening this file last time, so it was not opened automatically. Try again, or use a backup.</translation>
    </message>
    <message>
        <location filename="../controllers/files.py" line="303"/>
        <source>打开数据文件</source>
        <translation>Open data file</translation>
    </message>
    <message>
        <location filename="../controllers/files.py" line="305"/>
        <source>招商台账数据文件 (*.zsdb);;所有文件 (*)</source>
        <translation>Investment Ledger data files (*.zsdb);;All files (*)</translation>
    </message>
</context>
<context>
    <name>FollowUpDialog</name>
    <message>
        <location filename="../follow_up_dialog.py" line="61"/>
        <source>添加走访记录 — %1</source>
        <translation>Add follow-up — %1</translation>
    </message>
    <message>
        <location filename="../follow_up_dialog.py" line="61"/>
        <source>走访记录 — %1</source>
        <translation>Follow-up — %1</translation>
    </message>
    <message>
        <location filename="../follow_up_dialog.py" line="65"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../follow_up_dialog.py" line="73"/>
        <source>如:张三(我方)、李总(企业)</source>
        <translation>e.g. Zhang San (us), Mr Li (company)</translation>
    </message>
    <message>
        <location filename="../follow_up_dialog.py" line="79"/>
        <source>设定期限</source>
        <translation>Set a due date</translation>
    </message>
    <message>
        <location filename="../follow_up_dialog.py" line="83"/>
        <source>下一步已完成</source>
        <translation>Next step done</translation>
    </message>
    <message>
        <location filename="../follow_up_dialog.py" line="90"/>
        <source>日期(&amp;D)</source>
        <translation>&amp;Date</translation>
    </message>
    <message>
        <location filename="../follow_up_dialog.py" line="92"/>
        <source>方式(&amp;K)</source>
        <translation>&amp;Type</translation>
    </message>
    <message>
        <location filename="../follow_up_dialog.py" line="93"/>
        <source>人员(&amp;P)</source>
        <translation>&amp;People</translation>
    </message>
    <message>
        <location filename="../follow_up_dialog.py" line="94"/>
        <source>内容摘要(&amp;S)</source>
        <translation>&amp;Summary</translation>
    </message>
    <message>
        <location filename="../follow_up_dialog.py" line="96"/>
        <source>下一步(&amp;X)</source>
        <translation>Ne&amp;xt step</translation>
    </message>
    <message>
        <location filename="../follow_up_dialog.py" line="80"/>
        <location filename="../follow_up_dialog.py" line="97"/>
        <source>期限</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../follow_up_dialog.py" line="104"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../follow_up_dialog.py" line="105"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../follow_up_dialog.py" line="108"/>
        <location filename="../follow_up_dialog.py" line="182"/>
        <source>删除记录</source>
        <translation>Delete record</translation>
    </message>
    <message>
        <location filename="../follow_up_dialog.py" line="145"/>
        <source>请填写内容摘要</source>
        <translation>Enter a summary</translation>
    </message>
    <message>
        <location filename="../follow_up_dialog.py" line="149"/>
        <source>期限早于走访日期,请核对</source>
        <translation>The due date is before the follow-up date. Please check it.</translation>
    </message>
    <message>
        <location filename="../follow_up_dialog.py" line="156"/>
        <source>走访记录 %1</source>
        <translation>Follow-up %1</translation>
    </message>
    <message>
        <location filename="../follow_up_dialog.py" line="181"/>
        <source>删除走访记录“%1”?</source>
        <translation>Delete the follow-up “%1”?</translation>
    </message>
    <message>
        <location filename="../follow_up_dialog.py" line="184"/>
        <source>删除走访记录 %1</source>
        <translation>Delete follow-up %1</translation>
    </message>
</context>
<context>
    <name>FollowUpView</name>
    <message>
        <location filename="../follow_up_view.py" line="234"/>
        <source>标记 {n} 条走访记录为完成</source>
        <translation>Mark {n} follow-up(s) done</translation>
    </message>
    <message>
        <location filename="../follow_up_view.py" line="58"/>
        <source>应办日期</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../follow_up_view.py" line="59"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../follow_up_view.py" line="60"/>
        <source>项目</source>
        <translation>Project</translation>
    </message>
    <message>
        <location filename="../follow_up_view.py" line="61"/>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../follow_up_view.py" line="62"/>
        <source>方式</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../follow_up_view.py" line="63"/>
        <source>下一步</source>
        <translation>Next step</translation>
    </message>
    <message>
        <location filename="../follow_up_view.py" line="64"/>
        <source>走访日期</source>
        <translation>Follow-up date</translation>
    </message>
    <message>
        <location filename="../follow_up_view.py" line="89"/>
        <source>已逾期 {n} 天</source>
        <translation>Overdue by {n} day(s)</translation>
    </message>
    <message>
        <location filename="../follow_up_view.py" line="91"/>
        <source>今天到期</source>
        <translation>Due today</translation>
    </message>
    <message>
        <location filename="../follow_up_view.py" line="92"/>
        <source>{n} 天后到期</source>
        <translation>Due in {n} day(s)</translation>
    </message>
    <message>
        <location filename="../follow_up_view.py" line="140"/>
        <source>已逾期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../follow_up_view.py" line="140"/>
        <source>7天内到期(含逾期)</source>
        <translation>Due within 7 days (incl. overdue)</translation>
    </message>
    <message>
        <location filename="../follow_up_view.py" line="140"/>
        <source>全部未完成</source>
        <translation>All open</translation>
    </message>
    <message>
        <location filename="../follow_up_view.py" line="143"/>
        <source>显示(&amp;S)</source>
        <translation>&amp;Show</translation>
    </message>
    <message>
        <location filename="../follow_up_view.py" line="158"/>
        <source>双击或按回车打开走访记录</source>
        <translation>Double-click or press Enter to open the follow-up</translation>
    </message>
    <message>
        <location filename="../follow_up_view.py" line="161"/>
        <source>标记完成(&amp;D)</source>
        <translation>Mark &amp;done</translation>
    </message>
    <message>
        <location filename="../follow_up_view.py" line="165"/>
        <source>打开记录(&amp;O)…</source>
        <translation>&amp;Open follow-up…</translation>
    </message>
    <message>
        <location filename="../follow_up_view.py" line="168"/>
        <source>打开项目(&amp;P)</source>
        <translation>Open &amp;project</translation>
    </message>
    <message>
        <location filename="../follow_up_view.py" line="211"/>
        <source>已逾期 {overdue} 条,7天内到期 {soon} 条</source>
        <translation>{overdue} overdue, {soon} due within 7 days</translation>
    </message>
    <message>
        <location filename="../follow_up_view.py" line="216"/>
        <source>;另有 {later} 条 7 天后到期,选“全部未完成”查看</source>
        <translation>; {later} more due after 7 days (choose “All open” to see them)</translation>
    </message>
</context>
<context>
    <name>FormFields</name>
    <message>
        <location filename="../project_form/fields.py" line="181"/>
        <source>约</source>
        <translation>about</translation>
    </message>
    <message>
        <location filename="../project_form/fields.py" line="182"/>
        <source>超</source>
        <translation>over</translation>
    </message>
    <message>
        <location filename="../project_form/fields.py" line="183"/>
        <source>达</source>
        <translation>reaching</translation>
    </message>
    <message>
        <location filename="../project_form/fields.py" line="184"/>
        <source>以上</source>
        <translation>or more</translation>
    </message>
    <message>
        <location filename="../project_form/fields.py" line="187"/>
        <source>数字的限定词,简报中写作:约20亿元、超5亿元、达4万吨、500人以上</source>
        <translation>How the briefs qualify the figure: about 2 bn CNY, over 500 m CNY, reaching 40,000 t, 500 or more</translation>
    </message>
</context>
<context>
    <name>HandoverLogDialog</name>
    <message>
        <location filename="../handover_view.py" line="526"/>
        <source>交接文件导入记录</source>
        <translation>Handover log</translation>
    </message>
    <message>
        <location filename="../handover_view.py" line="532"/>
        <source>合并时间</source>
        <translation>Merged</translation>
    </message>
    <message>
        <location filename="../handover_view.py" line="533"/>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../handover_view.py" line="534"/>
        <source>次数</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../handover_view.py" line="535"/>
        <source>导出时间</source>
        <translation>Exported</translation>
    </message>
    <message>
        <location filename="../handover_view.py" line="536"/>
        <source>带来</source>
        <translation>Brought</translation>
    </message>
    <message>
        <location filename="../handover_view.py" line="537"/>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../handover_view.py" line="547"/>
        <source>;序号倒退</source>
        <translation>; sequence went back</translation>
    </message>
    <message>
        <location filename="../handover_view.py" line="559"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>HandoverView</name>
    <message>
        <location filename="../handover_view.py" line="73"/>
        <source>项目新增 %1、更新 %2;冲突 %3</source>
        <translation>projects %1 new, %2 changed; %3 conflicts</translation>
    </message>
    <message>
        <location filename="../handover_view.py" line="89"/>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../handover_view.py" line="90"/>
        <source>导出日期</source>
        <translation>Exported</translation>
    </message>
    <message>
        <location filename="../handover_view.py" line="91"/>
        <source>合并日期</source>
        <translation>Merged</translation>
    </message>
    <message>
        <location filename="../handover_view.py" line="92"/>
        <source>交接次数</source>
        <translation>Handovers</translation>
    </message>
    <message>
        <location filename="../handover_view.py" line="93"/>
        <source>最近一次带来</source>
        <translation>Last one brought</translation>
    </message>
    <message>
        <location filename="../handover_view.py" line="94"/>
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../handover_view.py" line="117"/>
        <source>尚未交接</source>
        <translation>No handover yet</translation>
    </message>
    <message>
        <location filename="../handover_view.py" line="120"/>
        <source>逾期(%1天未交接)</source>
        <translation>Overdue (%1 days without a handover)</translation>
    </message>
    <message>
        <location filename="../handover_view.py" line="122"/>
        <source>序号倒退,请核实</source>
        <translation>Sequence went back; please check</translation>
    </message>
    <message>
        <location filename="../handover_view.py" line="124"/>
        <source>待重新登记密钥</source>
        <translation>Key to be registered again</translation>
    </message>
    <message>
        <location filename="../handover_view.py" line="125"/>
        <source>正常</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../handover_view.py" line="182"/>
        <source>合并交接文件(&amp;M)…</source>
        <translation>&amp;Merge handover files…</translation>
    </message>
    <message>
        <location filename="../handover_view.py" line="186"/>
        <source>导入记录(&amp;L)…</source>
        <translation>Handover &amp;log…</translation>
    </message>
    <message>
        <location filename="../handover_view.py" line="188"/>
        <source>重新登记单位(&amp;K)…</source>
        <translation>Re-register unit &amp;key…</translation>
    </message>
    <message>
        <location filename="../handover_view.py" line="191"/>
        <source>导出设置文件…</source>
        <translation>Export settings file…</translation>
    </message>
    <message>
        <location filename="../handover_view.py" line="223"/>
        <source>处理冲突(%1)…</source>
        <translation>Conflicts (%1)…</translation>
    </message>
    <message>
        <location filename="../handover_view.py" line="224"/>
        <source>疑似重复(%1)…</source>
        <translation>Suspected duplicates (%1)…</translation>
    </message>
    <message>
        <location filename="../handover_view.py" line="229"/>
        <source>共 %1 个单位,%2 个逾期未交接(超过 %3 天);待处理冲突 %4 条,疑似重复 %5 组。</source>
        <translation>%1 units, %2 overdue (no handover for more than %3 days); %4 conflicts and %5 suspected duplicates to review.</translation>
    </message>
    <message>
        <location filename="../handover_view.py" line="271"/>
        <location filename="../handover_view.py" line="276"/>
        <location filename="../handover_view.py" line="287"/>
        <source>重新登记单位</source>
        <translation>Re-register unit</translation>
    </message>
    <message>
        <location filename="../handover_view.py" line="271"/>
        <source>请先在列表中选中要重新登记的单位</source>
        <translation>First select the unit to re-register in the list</translation>
    </message>
    <message>
        <location filename="../handover_view.py" line="278"/>
        <source>“%1”今后的交接文件将接受新的签名密钥(如该单位换了电脑)。请确认已与该单位核实,并填写原因:</source>
        <translation>Handovers from “%1” will be accepted with a new signing key (for example, a new computer). Confirm it with the unit first, and give the reason:</translation>
    </message>
    <message>
        <location filename="../handover_view.py" line="296"/>
        <location filename="../handover_view.py" line="305"/>
        <location filename="../handover_view.py" line="309"/>
        <source>导出设置文件</source>
        <translation>Export settings file</translation>
    </message>
    <message>
        <location filename="../handover_view.py" line="298"/>
        <source>设置文件 (*.zsset)</source>
        <translation>Settings files (*.zsset)</translation>
    </message>
    <message>
        <location filename="../handover_view.py" line="310"/>
        <source>已导出:%1
请发给各单位,在“文件 → 导入设置文件”中导入。</source>
        <translation>Exported: %1
Send it to the units; they import it with File → Import settings file.</translation>
    </message>
    <message>
        <location filename="../handover_view.py" line="410"/>
        <source>%1
单位:%2
总投资:%3
首次记录:%4</source>
        <translation>%1
Unit: %2
Total investment: %3
First recorded: %4</translation>
    </message>
</context>
<context>
    <name>IndustryPage</name>
    <message>
        <location filename="../project_form/industry.py" line="32"/>
        <source>输入代码或名称,如 36 或 汽车</source>
        <translation>Type a code or name, e.g. 36 or 汽车 (automotive)</translation>
    </message>
    <message>
        <location filename="../project_form/industry.py" line="33"/>
        <source>行业(GB/T 4754)(&amp;H)</source>
        <translation>&amp;Sector (GB/T 4754)</translation>
    </message>
    <message>
        <location filename="../project_form/industry.py" line="35"/>
        <source>产业类别</source>
        <translation>Industry</translation>
    </message>
    <message>
        <location filename="../project_form/industry.py" line="40"/>
        <source>产业链(%1)</source>
        <translation>Industry chain (%1)</translation>
    </message>
</context>
<context>
    <name>InvestorPage</name>
    <message>
        <location filename="../project_form/investor.py" line="18"/>
        <source>公司全称,如:大亚科技集团有限公司</source>
        <translation>Full company name, e.g. Daya Technology Group Co., Ltd.</translation>
    </message>
    <message>
        <location filename="../project_form/investor.py" line="24"/>
        <source>投资方(&amp;I)*</source>
        <translation>&amp;Investor*</translation>
    </message>
    <message>
        <location filename="../project_form/investor.py" line="25"/>
        <source>18位,可不填</source>
        <translation>18 characters, optional</translation>
    </message>
    <message>
        <location filename="../project_form/investor.py" line="27"/>
        <source>统一社会信用代码</source>
        <translation>Unified social credit code</translation>
    </message>
    <message>
        <location filename="../project_form/investor.py" line="28"/>
        <source>来源地</source>
        <translation>Origin</translation>
    </message>
    <message>
        <location filename="../project_form/investor.py" line="28"/>
        <source>省市,外资填国家或地区</source>
        <translation>Province and city; for foreign investors, country or region</translation>
    </message>
    <message>
        <location filename="../project_form/investor.py" line="29"/>
        <source>企业性质</source>
        <translation>Ownership</translation>
    </message>
    <message>
        <location filename="../project_form/investor.py" line="30"/>
        <source>企业类别</source>
        <translation>Company category</translation>
    </message>
    <message>
        <location filename="../project_form/investor.py" line="31"/>
        <source>联系人</source>
        <translation>Contact person</translation>
    </message>
    <message>
        <location filename="../project_form/investor.py" line="32"/>
        <source>联系电话</source>
        <translation>Contact phone</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="runtime_labels.py" line="4"/>
        <source>线索</source>
        <translation>Lead</translation>
    </message>
    <message>
        <location filename="runtime_labels.py" line="5"/>
        <source>在谈</source>
        <translation>In talks</translation>
    </message>
    <message>
        <location filename="runtime_labels.py" line="6"/>
        <source>签约</source>
        <translation>Signed</translation>
    </message>
    <message>
        <location filename="runtime_labels.py" line="7"/>
        <source>注册</source>
        <translation>Registered</translation>
    </message>
    <message>
        <location filename="runtime_labels.py" line="8"/>
        <source>开工</source>
        <translation>Construction started</translation>
    </message>
    <message>
        <location filename="runtime_labels.py" line="9"/>
        <source>竣工</source>
        <translation>Completed</translation>
    </message>
    <message>
        <location filename="runtime_labels.py" line="10"/>
        <source>投产</source>
        <translation>In production</translation>
    </message>
    <message>
        <location filename="runtime_labels.py" line="11"/>
        <source>达产</source>
        <translation>At full capacity</translation>
    </message>
    <message>
        <location filename="runtime_labels.py" line="12"/>
        <source>中止</source>
        <translation>Dropped</translation>
    </message>
    <message>
        <location filename="runtime_labels.py" line="13"/>
        <source>新建</source>
        <translation>New build</translation>
    </message>
    <message>
        <location filename="runtime_labels.py" line="14"/>
        <source>扩建</source>
        <translation>Expansion</translation>
    </message>
    <message>
        <location filename="runtime_labels.py" line="15"/>
        <source>技改</source>
        <translation>Technical upgrade</translation>
    </message>
    <message>
        <location filename="runtime_labels.py" line="16"/>
        <source>国企</source>
        <translation>State-owned</translation>
    </message>
    <message>
        <location filename="runtime_labels.py" line="17"/>
        <source>民企</source>
        <translation>Private</translation>
    </message>
    <message>
        <location filename="runtime_labels.py" line="18"/>
        <source>外企</source>
        <translation>Foreign-owned</translation>
    </message>
    <message>
        <location filename="runtime_labels.py" line="19"/>
        <source>世界500强</source>
        <translation>Fortune Global 500</translation>
    </message>
    <message>
        <location filename="runtime_labels.py" line="20"/>
        <source>中国500强</source>
        <translation>China Top 500</translation>
    </message>
    <message>
        <location filename="runtime_labels.py" line="21"/>
        <source>上市公司</source>
        <translation>Listed company</translation>
    </message>
    <message>
        <location filename="runtime_labels.py" line="22"/>
        <source>专精特新</source>
        <translation>Specialised SME (专精特新)</translation>
    </message>
    <message>
        <location filename="runtime_labels.py" line="23"/>
        <source>高新技术企业</source>
        <translation>High-tech enterprise</translation>
    </message>
    <message>
        <location filename="runtime_labels.py" line="24"/>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <location filename="runtime_labels.py" line="25"/>
        <source>驻点招商</source>
        <translation>Resident office</translation>
    </message>
    <message>
        <location filename="runtime_labels.py" line="26"/>
        <source>以商招商</source>
        <translation>Referral by investors</translation>
    </message>
    <message>
        <location filename="runtime_labels.py" line="27"/>
        <source>乡贤</source>
        <translation>Hometown entrepreneurs</translation>
    </message>
    <message>
        <location filename="runtime_labels.py" line="28"/>
        <source>展会</source>
        <translation>Trade fair</translation>
    </message>
    <message>
        <location filename="runtime_labels.py" line="29"/>
        <source>基金招商</source>
        <translation>Investment fund</translation>
    </message>
    <message>
        <location filename="runtime_labels.py" line="30"/>
        <source>中介招商</source>
        <translation>Agent</translation>
    </message>
    <message>
        <location filename="runtime_labels.py" line="31"/>
        <source>拿地</source>
        <translation>Land acquired</translation>
    </message>
    <message>
        <location filename="runtime_labels.py" line="32"/>
        <source>证照申报</source>
        <translation>Permits applied for</translation>
    </message>
    <message>
        <location filename="runtime_labels.py" line="33"/>
        <source>证照办结</source>
        <translation>Permits granted</translation>
    </message>
    <message>
        <location filename="runtime_labels.py" line="34"/>
        <source>主体封顶</source>
        <translation>Structure topped out</translation>
    </message>
    <message>
        <location filename="runtime_labels.py" line="35"/>
        <source>拜访</source>
        <translation>Visit</translation>
    </message>
    <message>
        <location filename="runtime_labels.py" line="36"/>
        <source>来访</source>
        <translation>Visit received</translation>
    </message>
    <message>
        <location filename="runtime_labels.py" line="37"/>
        <source>电话</source>
        <translation>Phone call</translation>
    </message>
    <message>
        <location filename="runtime_labels.py" line="38"/>
        <source>洽谈</source>
        <translation>Negotiation</translation>
    </message>
    <message>
        <location filename="runtime_labels.py" line="39"/>
        <source>签约仪式</source>
        <translation>Signing ceremony</translation>
    </message>
    <message>
        <location filename="runtime_labels.py" line="40"/>
        <source>驻点招商办</source>
        <translation>Resident investment office</translation>
    </message>
    <message>
        <location filename="runtime_labels.py" line="41"/>
        <source>开发区</source>
        <translation>Development zone</translation>
    </message>
    <message>
        <location filename="runtime_labels.py" line="42"/>
        <source>镇区</source>
        <translation>Town</translation>
    </message>
    <message>
        <location filename="runtime_labels.py" line="43"/>
        <source>园区</source>
        <translation>Industrial park</translation>
    </message>
    <message>
        <location filename="runtime_labels.py" line="44"/>
        <source>招商中心</source>
        <translation>Investment promotion centre</translation>
    </message>
</context>
<context>
    <name>LedgerView</name>
    <message>
        <location filename="../ledger_view.py" line="639"/>
        <source>无法读取项目台账:{reason}</source>
        <translation>The ledger could not be read: {reason}</translation>
    </message>
    <message>
        <location filename="../ledger_view.py" line="198"/>
        <source>搜索项目名称、投资方、备注… (Ctrl+F)</source>
        <translation>Search project names, investors, remarks… (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../ledger_view.py" line="201"/>
        <source>日期范围</source>
        <translation>Date range</translation>
    </message>
    <message>
        <location filename="../ledger_view.py" line="205"/>
        <source>签约日期</source>
        <translation>Signing date</translation>
    </message>
    <message>
        <location filename="../ledger_view.py" line="206"/>
        <source>首次对接日期</source>
        <translation>First contact date</translation>
    </message>
    <message>
        <location filename="../ledger_view.py" line="210"/>
        <source>起始日期</source>
        <translation>Start date</translation>
    </message>
    <message>
        <location filename="../ledger_view.py" line="212"/>
        <source>截止日期</source>
        <translation>End date</translation>
    </message>
    <message>
        <location filename="../ledger_view.py" line="219"/>
        <source>至</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../ledger_view.py" line="223"/>
        <source>显示列</source>
        <translation>Columns</translation>
    </message>
    <message>
        <location filename="../ledger_view.py" line="224"/>
        <source>选择表格中显示的列(也可在表头上点右键)</source>
        <translation>Choose the columns to show (or right-click the table header)</translation>
    </message>
    <message>
        <location filename="../ledger_view.py" line="231"/>
        <source>清除筛选</source>
        <translation>Clear filters</translation>
    </message>
    <message>
        <location filename="../ledger_view.py" line="238"/>
        <source>全部阶段</source>
        <translation>All stages</translation>
    </message>
    <message>
        <location filename="../ledger_view.py" line="239"/>
        <source>在手在谈(在谈、已签约未开工)</source>
        <translation>Pipeline (in talks, or signed and not started)</translation>
    </message>
    <message>
        <location filename="../ledger_view.py" line="247"/>
        <source>内资和外资</source>
        <translation>Domestic and foreign</translation>
    </message>
    <message>
        <location filename="../ledger_view.py" line="248"/>
        <source>内资</source>
        <translation>Domestic</translation>
    </message>
    <message>
        <location filename="../ledger_view.py" line="249"/>
        <source>外资</source>
        <translation>Foreign</translation>
    </message>
    <message>
        <location filename="../ledger_view.py" line="251"/>
        <source>纳入统计:亿元以上产业项目(不含房地产)</source>
        <translation>Counted: industrial projects of 100M CNY or more (excluding real estate)</translation>
    </message>
    <message>
        <location filename="../ledger_view.py" line="252"/>
        <source>全部口径</source>
        <translation>Counted or not</translation>
    </message>
    <message>
        <location filename="../ledger_view.py" line="253"/>
        <source>纳入统计</source>
        <translation>Counted</translation>
    </message>
    <message>
        <location filename="../ledger_view.py" line="254"/>
        <source>未纳入统计</source>
        <translation>Not counted</translation>
    </message>
    <message>
        <location filename="../ledger_view.py" line="299"/>
        <source>不限</source>
        <translation>Any</translation>
    </message>
    <message>
        <location filename="../ledger_view.py" line="362"/>
        <source>全部单位</source>
        <translation>All units</translation>
    </message>
    <message>
        <location filename="../ledger_view.py" line="367"/>
        <source>全部产业类别</source>
        <translation>All industries</translation>
    </message>
    <message>
        <location filename="../ledger_view.py" line="370"/>
        <source>“{name}”重点产业链</source>
        <translation>“{name}” priority chains</translation>
    </message>
    <message>
        <location filename="../ledger_view.py" line="372"/>
        <source>全部产业链</source>
        <translation>All industry chains</translation>
    </message>
    <message>
        <location filename="../ledger_view.py" line="373"/>
        <source>全部规模</source>
        <translation>All sizes</translation>
    </message>
    <message>
        <location filename="../ledger_view.py" line="381"/>
        <location filename="../ledger_view.py" line="388"/>
        <source>{bound}亿元以上</source>
        <translation>≥ {bound} × 100M CNY</translation>
    </message>
    <message>
        <location filename="../ledger_view.py" line="384"/>
        <source>{low}~{high}亿元</source>
        <translation>{low}–{high} × 100M CNY</translation>
    </message>
    <message>
        <location filename="../ledger_view.py" line="554"/>
        <source>起始日期晚于截止日期,请调整日期范围</source>
        <translation>The start date is after the end date. Please adjust the date range.</translation>
    </message>
    <message>
        <location filename="../ledger_view.py" line="570"/>
        <source>共 {count} 个项目 · 内资 {d} 个 {dt} · 外资 {f} 个 {ft}</source>
        <translation>{count} projects · domestic {d}, {dt} · foreign {f}, {ft}</translation>
    </message>
    <message>
        <location filename="../ledger_view.py" line="692"/>
        <source>恢复默认列</source>
        <translation>Restore default columns</translation>
    </message>
    <message>
        <location filename="runtime_labels.py" line="45"/>
        <source>线索</source>
        <translation>Lead</translation>
    </message>
    <message>
        <location filename="runtime_labels.py" line="46"/>
        <source>在谈</source>
        <translation>In talks</translation>
    </message>
    <message>
        <location filename="runtime_labels.py" line="47"/>
        <source>签约</source>
        <translation>Signed</translation>
    </message>
    <message>
        <location filename="runtime_labels.py" line="48"/>
        <source>注册</source>
        <translation>Registered</translation>
    </message>
    <message>
        <location filename="runtime_labels.py" line="49"/>
        <source>开工</source>
        <translation>Construction started</translation>
    </message>
    <message>
        <location filename="runtime_labels.py" line="50"/>
        <source>竣工</source>
        <translation>Completed</translation>
    </message>
    <message>
        <location filename="runtime_labels.py" line="51"/>
        <source>投产</source>
        <translation>In production</translation>
    </message>
    <message>
        <location filename="runtime_labels.py" line="52"/>
        <source>达产</source>
        <translation>At full capacity</translation>
    </message>
    <message>
        <location filename="runtime_labels.py" line="53"/>
        <source>中止</source>
        <translation>Dropped</translation>
    </message>
</context>
<context>
    <name>LookalikeReport</name>
    <message>
        <location filename="../lookalike_report.py" line="76"/>
        <source>疑似重复项目</source>
        <translation>Likely duplicate projects</translation>
    </message>
    <message>
        <location filename="../lookalike_report.py" line="85"/>
        <source>全部单位</source>
        <translation>All units</translation>
    </message>
    <message>
        <location filename="../lookalike_report.py" line="91"/>
        <source>重新查找</source>
        <translation>Search again</translation>
    </message>
    <message>
        <location filename="../lookalike_report.py" line="95"/>
        <source>单位:</source>
        <translation>Unit:</translation>
    </message>
    <message>
        <location filename="../lookalike_report.py" line="109"/>
        <source>项目名称</source>
        <translation>Project</translation>
    </message>
    <message>
        <location filename="../lookalike_report.py" line="109"/>
        <source>责任单位</source>
        <translation>Responsible unit</translation>
    </message>
    <message>
        <location filename="../lookalike_report.py" line="109"/>
        <source>投资方</source>
        <translation>Investor</translation>
    </message>
    <message>
        <location filename="../lookalike_report.py" line="109"/>
        <source>总投资</source>
        <translation>Total investment</translation>
    </message>
    <message>
        <location filename="../lookalike_report.py" line="114"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../lookalike_report.py" line="132"/>
        <source>正在查找疑似重复的项目…</source>
        <translation>Looking for likely duplicate projects…</translation>
    </message>
    <message>
        <location filename="../lookalike_report.py" line="152"/>
        <source>查找未完成:%1</source>
        <translation>The search did not finish: %1</translation>
    </message>
    <message>
        <location filename="../lookalike_report.py" line="158"/>
        <source>未发现疑似重复的项目。</source>
        <translation>No likely duplicate projects found.</translation>
    </message>
    <message>
        <location filename="../lookalike_report.py" line="161"/>
        <source>共 %1 组疑似重复的项目,请逐组核对是否为同一项目;双击项目可打开。</source>
        <translation>%1 group(s) of likely duplicate projects: check each group for one project entered twice; double-click a project to open it.</translation>
    </message>
    <message>
        <location filename="../lookalike_report.py" line="168"/>
        <source>第%1组(%2个项目):%3</source>
        <translation>Group %1 (%2 projects): %3</translation>
    </message>
    <message>
        <location filename="../lookalike_report.py" line="182"/>
        <source>与“%1”:%2</source>
        <translation>With “%1”: %2</translation>
    </message>
    <message>
        <location filename="../lookalike_report.py" line="194"/>
        <source>未填</source>
        <translation>Not entered</translation>
    </message>
    <message>
        <location filename="../lookalike_report.py" line="196"/>
        <source>%1亿美元</source>
        <translation>%1 × 100M USD</translation>
    </message>
    <message>
        <location filename="../lookalike_report.py" line="197"/>
        <source>%1亿元</source>
        <translation>%1 × 100M CNY</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../main_window.py" line="117"/>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="120"/>
        <source>新建单位数据文件…</source>
        <translation>New unit file…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="123"/>
        <source>新建总部数据文件…</source>
        <translation>New headquarters file…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="126"/>
        <source>打开…</source>
        <translation>Open…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="128"/>
        <source>打开示例数据</source>
        <translation>Open sample data</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="130"/>
        <source>导入台账(Excel/CSV)…</source>
        <translation>Import ledger (Excel/CSV)…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="133"/>
        <source>导出台账…</source>
        <translation>Export ledger…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="136"/>
        <source>导出交接文件…</source>
        <translation>Export handover file…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="139"/>
        <source>导入设置文件…</source>
        <translation>Import settings file…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="141"/>
        <source>合并交接文件…</source>
        <translation>Merge handover files…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="142"/>
        <source>关闭文件</source>
        <translation>Close file</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="143"/>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="150"/>
        <source>最近打开(&amp;R)</source>
        <translation>&amp;Recent Files</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="166"/>
        <source>编辑(&amp;E)</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="168"/>
        <source>撤销</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="171"/>
        <source>重做</source>
        <translation>Redo</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="178"/>
        <source>查找项目</source>
        <translation>Find project</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="182"/>
        <source>项目(&amp;P)</source>
        <translation>&amp;Project</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="185"/>
        <source>新建项目…</source>
        <translation>New project…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="187"/>
        <source>编辑项目…</source>
        <translation>Edit project…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="188"/>
        <source>变更阶段…</source>
        <translation>Change stage…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="190"/>
        <source>添加走访记录…</source>
        <translation>Add follow-up…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="193"/>
        <source>删除项目</source>
        <translation>Delete project</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="205"/>
        <source>报表(&amp;R)</source>
        <translation>&amp;Reports</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="208"/>
        <source>招商工作简报…</source>
        <translation>Investment briefing…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="211"/>
        <source>项目简报(选中项目)…</source>
        <translation>Project brief (selected project)…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="214"/>
        <source>打印全部项目简报…</source>
        <translation>Print all project briefs…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="217"/>
        <source>项目清单(当前筛选)…</source>
        <translation>Project listing (current filter)…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="230"/>
        <source>疑似重复项目…</source>
        <translation>Likely duplicate projects…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="233"/>
        <source>设置(&amp;S)</source>
        <translation>&amp;Settings</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="235"/>
        <source>设置…</source>
        <translation>Settings…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="238"/>
        <source>报表保存位置…</source>
        <translation>Where Reports Are Saved…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="242"/>
        <source>语言 / Language</source>
        <translation>Language / 语言</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="249"/>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="250"/>
        <location filename="../main_window.py" line="369"/>
        <source>关于招商台账</source>
        <translation>About Investment Ledger</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="265"/>
        <source>注意:此文件位于网络共享文件夹。多人同时使用或网络中断可能损坏数据,建议复制到本机后使用,再按期报送。</source>
        <translation>Note: this file is in a shared network folder. Several people using it at once, or a network outage, can damage the data. Copy it to this computer to work on it, and submit it when due.</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="278"/>
        <source>只读:%1 编辑功能已关闭;如需修改,请把文件复制到可写的位置后打开。</source>
        <translation>Read-only: %1 Editing is off; to make changes, copy the file to a writable place and open it there.</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="303"/>
        <source>概览</source>
        <translation>Overview</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="304"/>
        <source>项目台账</source>
        <translation>Project ledger</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="305"/>
        <source>待跟进</source>
        <translation>Follow-ups due</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="306"/>
        <source>签约活动</source>
        <translation>Signing events</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="310"/>
        <source>交接</source>
        <translation>Handovers</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="382"/>
        <source>%1 — %2 — 招商台账</source>
        <translation>%1 — %2 — Investment Ledger</translation>
    </message>
    <message>
        <location filename="../i18n.py" line="51"/>
        <location filename="../main_window.py" line="327"/>
        <location filename="../main_window.py" line="378"/>
        <source>招商台账</source>
        <translation>Investment Ledger</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="371"/>
        <source>招商台账:离线记录招商线索与项目,按统计口径生成简报,各单位报送数据文件,由市招商中心汇总。</source>
        <translation>Investment Ledger keeps investment leads and projects offline and produces briefings by the official counting rules. Each unit submits its data file; the city headquarters consolidates them.</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="430"/>
        <source>撤销 %1</source>
        <translation>Undo %1</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="431"/>
        <source>重做 %1</source>
        <translation>Redo %1</translation>
    </message>
</context>
<context>
    <name>MergeWizard</name>
    <message>
        <location filename="../handover_wizard.py" line="43"/>
        <source>拒收</source>
        <translation>Refused</translation>
    </message>
    <message>
        <location filename="../handover_wizard.py" line="45"/>
        <source>已合并过</source>
        <translation>Merged before</translation>
    </message>
    <message>
        <location filename="../handover_wizard.py" line="45"/>
        <source>此文件以前已合并,未作改动</source>
        <translation>This file was merged before; nothing changed</translation>
    </message>
    <message>
        <location filename="../handover_wizard.py" line="47"/>
        <source>过期</source>
        <translation>Stale</translation>
    </message>
    <message>
        <location filename="../handover_wizard.py" line="47"/>
        <source>该单位已有更新的交接文件,此文件未作改动</source>
        <translation>A newer handover of this unit was merged; nothing changed</translation>
    </message>
    <message>
        <location filename="../handover_wizard.py" line="50"/>
        <source>交接序号倒退:该单位可能从旧备份恢复了文件,请核实</source>
        <translation>The sequence went back: the unit may have restored its file from an old backup; please check</translation>
    </message>
    <message>
        <location filename="../handover_wizard.py" line="52"/>
        <source>有冲突待处理</source>
        <translation>conflicts to review</translation>
    </message>
    <message>
        <location filename="../handover_wizard.py" line="53"/>
        <source>已合并</source>
        <translation>Merged</translation>
    </message>
    <message>
        <location filename="../handover_wizard.py" line="66"/>
        <source>合并交接文件</source>
        <translation>Merge handover files</translation>
    </message>
    <message>
        <location filename="../handover_wizard.py" line="75"/>
        <source>选择各单位交来的交接文件(.zshd),可一次选择多个,也可把文件拖到这里。每个文件先经过检查(签名、校验值、结构),有问题的文件不会改动总部数据。</source>
        <translation>Choose the units&apos; handover files (.zshd), several at once, or drop them here. Each file is checked first (signature, checksum, structure); a file that fails changes nothing at headquarters.</translation>
    </message>
    <message>
        <location filename="../handover_wizard.py" line="83"/>
        <source>添加文件(&amp;A)…</source>
        <translation>&amp;Add files…</translation>
    </message>
    <message>
        <location filename="../handover_wizard.py" line="86"/>
        <source>移除(&amp;R)</source>
        <translation>&amp;Remove</translation>
    </message>
    <message>
        <location filename="../handover_wizard.py" line="89"/>
        <source>开始合并(&amp;S)</source>
        <translation>&amp;Start merging</translation>
    </message>
    <message>
        <location filename="../handover_wizard.py" line="93"/>
        <location filename="../handover_wizard.py" line="180"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../handover_wizard.py" line="105"/>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../handover_wizard.py" line="106"/>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../handover_wizard.py" line="107"/>
        <source>结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../handover_wizard.py" line="108"/>
        <source>新增项目</source>
        <translation>New projects</translation>
    </message>
    <message>
        <location filename="../handover_wizard.py" line="109"/>
        <source>更新项目</source>
        <translation>Changed projects</translation>
    </message>
    <message>
        <location filename="../handover_wizard.py" line="110"/>
        <source>未变项目</source>
        <translation>Unchanged projects</translation>
    </message>
    <message>
        <location filename="../handover_wizard.py" line="112"/>
        <source>删除项目</source>
        <translation>Deleted projects</translation>
    </message>
    <message>
        <location filename="../handover_wizard.py" line="111"/>
        <source>冲突</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <location filename="../handover_wizard.py" line="113"/>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../handover_wizard.py" line="153"/>
        <source>选择交接文件</source>
        <translation>Choose handover files</translation>
    </message>
    <message>
        <location filename="../handover_wizard.py" line="153"/>
        <source>交接文件 (*.zshd)</source>
        <translation>Handover files (*.zshd)</translation>
    </message>
    <message>
        <location filename="../handover_wizard.py" line="180"/>
        <source>停止</source>
        <translation>Stop</translation>
    </message>
    <message>
        <location filename="../handover_wizard.py" line="205"/>
        <source>正在检查并合并 %1(%2/%3)…</source>
        <translation>Checking and merging %1 (%2/%3)…</translation>
    </message>
    <message>
        <location filename="../handover_wizard.py" line="244"/>
        <source>疑似重复 %1 组</source>
        <translation>%1 suspected duplicates</translation>
    </message>
    <message>
        <location filename="../handover_wizard.py" line="255"/>
        <source>共 %1 个文件:合并 %2 个,拒收 %3 个,其余未作改动。</source>
        <translation>%1 files: %2 merged, %3 refused, the rest changed nothing.</translation>
    </message>
</context>
<context>
    <name>MilestoneDialog</name>
    <message>
        <location filename="../milestone_dialog.py" line="52"/>
        <source>添加节点 — %1</source>
        <translation>Add milestone — %1</translation>
    </message>
    <message>
        <location filename="../milestone_dialog.py" line="52"/>
        <source>修改节点 — %1</source>
        <translation>Edit milestone — %1</translation>
    </message>
    <message>
        <location filename="../milestone_dialog.py" line="61"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../milestone_dialog.py" line="68"/>
        <source>如:4个工作日内办结开工前全部证照</source>
        <translation>e.g. all pre-construction permits issued within 4 working days</translation>
    </message>
    <message>
        <location filename="../milestone_dialog.py" line="74"/>
        <source>节点(&amp;K)</source>
        <translation>&amp;Milestone</translation>
    </message>
    <message>
        <location filename="../milestone_dialog.py" line="76"/>
        <source>日期(&amp;D)</source>
        <translation>&amp;Date</translation>
    </message>
    <message>
        <location filename="../milestone_dialog.py" line="78"/>
        <source>说明(&amp;N)</source>
        <translation>&amp;Note</translation>
    </message>
    <message>
        <location filename="../milestone_dialog.py" line="83"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../milestone_dialog.py" line="84"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../milestone_dialog.py" line="87"/>
        <location filename="../milestone_dialog.py" line="152"/>
        <source>删除节点</source>
        <translation>Delete milestone</translation>
    </message>
    <message>
        <location filename="../milestone_dialog.py" line="122"/>
        <source>请选择或填写节点名称,如 拿地、证照办结</source>
        <translation>Choose or type a milestone, e.g. land acquired, permits issued</translation>
    </message>
    <message>
        <location filename="../milestone_dialog.py" line="127"/>
        <source>节点“%1”</source>
        <translation>Milestone “%1”</translation>
    </message>
    <message>
        <location filename="../milestone_dialog.py" line="152"/>
        <source>删除节点“%1”?</source>
        <translation>Delete the milestone “%1”?</translation>
    </message>
    <message>
        <location filename="../milestone_dialog.py" line="154"/>
        <source>删除节点“%1”</source>
        <translation>Delete milestone “%1”</translation>
    </message>
</context>
<context>
    <name>MoneyPage</name>
    <message>
        <location filename="../project_form/money.py" line="24"/>
        <source>总投资(&amp;T)</source>
        <translation>&amp;Total investment</translation>
    </message>
    <message>
        <location filename="../project_form/money.py" line="27"/>
        <source>固定资产投资</source>
        <translation>Fixed-asset investment</translation>
    </message>
    <message>
        <location filename="../project_form/money.py" line="28"/>
        <source>注册资本</source>
        <translation>Registered capital</translation>
    </message>
    <message>
        <location filename="../project_form/money.py" line="38"/>
        <source>添加分期</source>
        <translation>Add phase</translation>
    </message>
    <message>
        <location filename="../project_form/money.py" line="40"/>
        <source>删除分期</source>
        <translation>Remove phase</translation>
    </message>
    <message>
        <location filename="../project_form/money.py" line="42"/>
        <source>分期</source>
        <translation>Phases</translation>
    </message>
    <message>
        <location filename="../project_form/money.py" line="62"/>
        <source>新一期</source>
        <translation>New phase</translation>
    </message>
    <message>
        <location filename="../project_form/money.py" line="100"/>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../project_form/money.py" line="101"/>
        <source>投资(%1)</source>
        <translation>Investment (%1)</translation>
    </message>
    <message>
        <location filename="../project_form/money.py" line="102"/>
        <source>建设内容</source>
        <translation>Scope</translation>
    </message>
    <message>
        <location filename="../project_form/money.py" line="103"/>
        <location filename="../project_form/money.py" line="105"/>
        <source>限定</source>
        <translation>Qualifier</translation>
    </message>
    <message>
        <location filename="../project_form/money.py" line="104"/>
        <source>建筑面积(㎡)</source>
        <translation>Floor area (m²)</translation>
    </message>
    <message>
        <location filename="../project_form/money.py" line="106"/>
        <source>预计年销售(万元)</source>
        <translation>Expected annual sales (10k CNY)</translation>
    </message>
</context>
<context>
    <name>NewFileDialog</name>
    <message>
        <location filename="../new_file_dialog.py" line="36"/>
        <source>新建总部数据文件</source>
        <translation>New headquarters file</translation>
    </message>
    <message>
        <location filename="../new_file_dialog.py" line="36"/>
        <source>新建单位数据文件</source>
        <translation>New unit file</translation>
    </message>
    <message>
        <location filename="../new_file_dialog.py" line="41"/>
        <source>如 市招商中心</source>
        <translation>e.g. City Investment Headquarters</translation>
    </message>
    <message>
        <location filename="../new_file_dialog.py" line="41"/>
        <source>如 上海驻点招商办</source>
        <translation>e.g. Shanghai Resident Office</translation>
    </message>
    <message>
        <location filename="../new_file_dialog.py" line="48"/>
        <source>驻点招商办所在城市,如 上海</source>
        <translation>City of the resident office, e.g. Shanghai</translation>
    </message>
    <message>
        <location filename="../new_file_dialog.py" line="51"/>
        <source>浏览…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location filename="../new_file_dialog.py" line="62"/>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../new_file_dialog.py" line="64"/>
        <source>类别</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../new_file_dialog.py" line="65"/>
        <source>驻点城市</source>
        <translation>City</translation>
    </message>
    <message>
        <location filename="../new_file_dialog.py" line="66"/>
        <source>保存位置</source>
        <translation>Save to</translation>
    </message>
    <message>
        <location filename="../new_file_dialog.py" line="79"/>
        <source>总部</source>
        <translation>Headquarters</translation>
    </message>
    <message>
        <location filename="../new_file_dialog.py" line="79"/>
        <source>本单位</source>
        <translation>My unit</translation>
    </message>
    <message>
        <location filename="../new_file_dialog.py" line="84"/>
        <source>保存数据文件</source>
        <translation>Save data file</translation>
    </message>
    <message>
        <location filename="../new_file_dialog.py" line="84"/>
        <source>招商台账数据文件 (*.zsdb)</source>
        <translation>Investment Ledger data files (*.zsdb)</translation>
    </message>
    <message>
        <location filename="../new_file_dialog.py" line="93"/>
        <source>请填写名称</source>
        <translation>Enter a name</translation>
    </message>
    <message>
        <location filename="../new_file_dialog.py" line="98"/>
        <source>请选择保存位置</source>
        <translation>Choose where to save the file</translation>
    </message>
    <message>
        <location filename="../new_file_dialog.py" line="101"/>
        <source>该文件已存在,请换一个文件名</source>
        <translation>That file already exists. Choose another name.</translation>
    </message>
</context>
<context>
    <name>OutputNotice</name>
    <message>
        <location filename="../output.py" line="77"/>
        <source>已生成</source>
        <translation>Written</translation>
    </message>
    <message>
        <location filename="../output.py" line="81"/>
        <source>已生成:%1</source>
        <translation>Written: %1</translation>
    </message>
    <message>
        <location filename="../output.py" line="82"/>
        <source>保存在:%1</source>
        <translation>Saved in: %1</translation>
    </message>
    <message>
        <location filename="../output.py" line="89"/>
        <source>打开</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../output.py" line="91"/>
        <source>文件</source>
        <translation>file</translation>
    </message>
    <message>
        <location filename="../output.py" line="93"/>
        <source>打开所在文件夹</source>
        <translation>Open Containing Folder</translation>
    </message>
    <message>
        <location filename="../output.py" line="93"/>
        <source>打开文件夹</source>
        <translation>Open Folder</translation>
    </message>
    <message>
        <location filename="../output.py" line="97"/>
        <source>文件夹</source>
        <translation>folder</translation>
    </message>
    <message>
        <location filename="../output.py" line="98"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../output.py" line="107"/>
        <source>无法打开</source>
        <translation>Cannot Open</translation>
    </message>
    <message>
        <location filename="../output.py" line="109"/>
        <source>没有找到可以打开此%1的程序。%1保存在:
%2

可以在文件管理器中找到它,或者安装一个 PDF 阅读器后再打开。</source>
        <translation>No program was found that can open this %1. The %1 is saved at:
%2

Find it in the file manager, or install a PDF reader and open it again.</translation>
    </message>
</context>
<context>
    <name>ProgressPage</name>
    <message>
        <location filename="../project_form/progress.py" line="40"/>
        <location filename="../project_form/progress.py" line="49"/>
        <source>进入该阶段的日期</source>
        <translation>Date reached</translation>
    </message>
    <message>
        <location filename="../project_form/progress.py" line="41"/>
        <location filename="../project_form/progress.py" line="61"/>
        <source>当前阶段</source>
        <translation>Current stage</translation>
    </message>
    <message>
        <location filename="../project_form/progress.py" line="56"/>
        <source>变更阶段(&amp;G)…</source>
        <translation>Chan&amp;ge stage…</translation>
    </message>
    <message>
        <location filename="../project_form/progress.py" line="63"/>
        <location filename="../project_form/progress.py" line="77"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../project_form/progress.py" line="63"/>
        <source>事项</source>
        <translation>Event</translation>
    </message>
    <message>
        <location filename="../project_form/progress.py" line="63"/>
        <source>间隔(天)</source>
        <translation>Gap (days)</translation>
    </message>
    <message>
        <location filename="../project_form/progress.py" line="63"/>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../project_form/progress.py" line="66"/>
        <source>添加节点(&amp;M)…</source>
        <translation>Add &amp;milestone…</translation>
    </message>
    <message>
        <location filename="../project_form/progress.py" line="68"/>
        <source>删除所选(&amp;D)</source>
        <translation>&amp;Delete selected</translation>
    </message>
    <message>
        <location filename="../project_form/progress.py" line="69"/>
        <source>删除时间线中选中的阶段记录或节点(Delete)</source>
        <translation>Delete the stage record or milestone selected in the timeline (Delete)</translation>
    </message>
    <message>
        <location filename="../project_form/progress.py" line="72"/>
        <source>时间线</source>
        <translation>Timeline</translation>
    </message>
    <message>
        <location filename="../project_form/progress.py" line="78"/>
        <source>方式</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../project_form/progress.py" line="79"/>
        <source>人员</source>
        <translation>People</translation>
    </message>
    <message>
        <location filename="../project_form/progress.py" line="80"/>
        <source>内容</source>
        <translation>Summary</translation>
    </message>
    <message>
        <location filename="../project_form/progress.py" line="81"/>
        <source>下一步</source>
        <translation>Next step</translation>
    </message>
    <message>
        <location filename="../project_form/progress.py" line="82"/>
        <source>期限</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../project_form/progress.py" line="83"/>
        <source>完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../project_form/progress.py" line="89"/>
        <source>添加走访记录(&amp;F)…</source>
        <translation>Add &amp;follow-up…</translation>
    </message>
    <message>
        <location filename="../project_form/progress.py" line="91"/>
        <source>删除所选记录(&amp;K)</source>
        <translation>Delete selected follow-up (&amp;K)</translation>
    </message>
    <message>
        <location filename="../project_form/progress.py" line="92"/>
        <source>删除选中的走访记录(Delete)</source>
        <translation>Delete the selected follow-up (Delete)</translation>
    </message>
    <message>
        <location filename="../project_form/progress.py" line="95"/>
        <source>走访记录</source>
        <translation>Follow-ups</translation>
    </message>
    <message>
        <location filename="../project_form/progress.py" line="97"/>
        <source>已定</source>
        <translation>Known</translation>
    </message>
    <message>
        <location filename="../project_form/progress.py" line="98"/>
        <location filename="../project_form/progress.py" line="101"/>
        <source>预计竣工投产</source>
        <translation>Expected production start</translation>
    </message>
    <message>
        <location filename="../project_form/progress.py" line="132"/>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../project_form/progress.py" line="164"/>
        <location filename="../project_form/progress.py" line="190"/>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../project_form/progress.py" line="175"/>
        <source>请先在时间线中选中要删除的一行</source>
        <translation>First select the row to delete in the timeline</translation>
    </message>
    <message>
        <location filename="../project_form/progress.py" line="184"/>
        <source>不能删除</source>
        <translation>Cannot delete</translation>
    </message>
    <message>
        <location filename="../project_form/progress.py" line="187"/>
        <source>删除阶段记录“%1”?当前阶段将按其余记录重新确定。</source>
        <translation>Delete the stage record “%1”? The current stage will follow the remaining records.</translation>
    </message>
    <message>
        <location filename="../project_form/progress.py" line="192"/>
        <source>删除阶段记录“%1 %2”</source>
        <translation>Delete stage record “%1 %2”</translation>
    </message>
    <message>
        <location filename="../project_form/progress.py" line="198"/>
        <source>请先选中要删除的走访记录</source>
        <translation>First select the follow-up to delete</translation>
    </message>
</context>
<context>
    <name>ProjectController</name>
    <message>
        <location filename="../controllers/projects.py" line="75"/>
        <source>删除项目</source>
        <translation>Delete project</translation>
    </message>
    <message>
        <location filename="../controllers/projects.py" line="76"/>
        <source>确定删除 %1 个项目(%2)吗?删除后可用“撤销”(Ctrl+Z)恢复。</source>
        <translation>Delete %1 project(s) (%2)? You can bring them back with Undo (Ctrl+Z).</translation>
    </message>
    <message>
        <location filename="../controllers/projects.py" line="85"/>
        <source>删除 %1 个项目</source>
        <translation>Delete %1 project(s)</translation>
    </message>
</context>
<context>
    <name>ProjectForm</name>
    <message>
        <location filename="../project_form/form.py" line="79"/>
        <source>新建项目</source>
        <translation>New project</translation>
    </message>
    <message>
        <location filename="../project_form/form.py" line="81"/>
        <source>项目 — %1</source>
        <translation>Project — %1</translation>
    </message>
    <message>
        <location filename="../project_form/form.py" line="113"/>
        <source>保存(Ctrl+S)</source>
        <translation>Save (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../project_form/form.py" line="115"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../project_form/form.py" line="123"/>
        <source>(只读)</source>
        <translation> (read-only)</translation>
    </message>
    <message>
        <location filename="../project_form/form.py" line="217"/>
        <location filename="runtime_labels.py" line="55"/>
        <source>投资方</source>
        <translation>Investor</translation>
    </message>
    <message>
        <location filename="../project_form/form.py" line="217"/>
        <source>项目</source>
        <translation>Project</translation>
    </message>
    <message>
        <location filename="../project_form/form.py" line="219"/>
        <source>统一社会信用代码相同</source>
        <translation>same credit code</translation>
    </message>
    <message>
        <location filename="../project_form/form.py" line="220"/>
        <source>名称相近</source>
        <translation>similar name</translation>
    </message>
    <message>
        <location filename="../project_form/form.py" line="221"/>
        <source>项目名称相同</source>
        <translation>same project name</translation>
    </message>
    <message>
        <location filename="../project_form/form.py" line="224"/>
        <source>· %1“%2”(%3)</source>
        <translation>· %1 “%2” (%3)</translation>
    </message>
    <message>
        <location filename="../project_form/form.py" line="232"/>
        <source>可能重复录入</source>
        <translation>Possible duplicate</translation>
    </message>
    <message>
        <location filename="../project_form/form.py" line="233"/>
        <source>发现相似的记录:
%1

是否仍要保存?</source>
        <translation>Similar records found:
%1

Save anyway?</translation>
    </message>
    <message>
        <location filename="../project_form/form.py" line="235"/>
        <source>仍然保存</source>
        <translation>Save anyway</translation>
    </message>
    <message>
        <location filename="../project_form/form.py" line="236"/>
        <source>返回修改</source>
        <translation>Keep editing</translation>
    </message>
    <message>
        <location filename="../project_form/form.py" line="264"/>
        <source>新建项目“%1”</source>
        <translation>New project “%1”</translation>
    </message>
    <message>
        <location filename="../project_form/form.py" line="270"/>
        <source>修改项目“%1”</source>
        <translation>Edit project “%1”</translation>
    </message>
    <message>
        <location filename="../project_form/form.py" line="273"/>
        <source>未保存</source>
        <translation>Not saved</translation>
    </message>
    <message>
        <location filename="../project_form/form.py" line="287"/>
        <source>放弃修改</source>
        <translation>Discard changes</translation>
    </message>
    <message>
        <location filename="../project_form/form.py" line="288"/>
        <source>放弃未保存的修改?</source>
        <translation>Discard unsaved changes?</translation>
    </message>
    <message>
        <location filename="runtime_labels.py" line="54"/>
        <source>基本信息</source>
        <translation>Basics</translation>
    </message>
    <message>
        <location filename="runtime_labels.py" line="56"/>
        <source>投资额与分期</source>
        <translation>Investment and phases</translation>
    </message>
    <message>
        <location filename="runtime_labels.py" line="57"/>
        <source>行业与产业链</source>
        <translation>Industry and chain</translation>
    </message>
    <message>
        <location filename="runtime_labels.py" line="58"/>
        <source>进展</source>
        <translation>Progress</translation>
    </message>
    <message>
        <location filename="runtime_labels.py" line="59"/>
        <source>建设内容与效益</source>
        <translation>Construction and returns</translation>
    </message>
    <message>
        <location filename="runtime_labels.py" line="60"/>
        <source>责任与问题</source>
        <translation>Responsibility and issues</translation>
    </message>
    <message>
        <location filename="runtime_labels.py" line="61"/>
        <source>内资</source>
        <translation>Domestic</translation>
    </message>
    <message>
        <location filename="runtime_labels.py" line="62"/>
        <source>外资</source>
        <translation>Foreign</translation>
    </message>
</context>
<context>
    <name>ProjectTableModel</name>
    <message>
        <location filename="../project_table.py" line="319"/>
        <source>未纳入统计(亿元以下或房地产项目)</source>
        <translation>Not counted (under 100M CNY, or real estate)</translation>
    </message>
    <message>
        <location filename="runtime_labels.py" line="63"/>
        <source>项目编号</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="runtime_labels.py" line="64"/>
        <source>项目名称</source>
        <translation>Project</translation>
    </message>
    <message>
        <location filename="runtime_labels.py" line="65"/>
        <source>投资方</source>
        <translation>Investor</translation>
    </message>
    <message>
        <location filename="runtime_labels.py" line="66"/>
        <source>统一社会信用代码</source>
        <translation>Unified social credit code</translation>
    </message>
    <message>
        <location filename="runtime_labels.py" line="67"/>
        <source>来源地</source>
        <translation>Origin</translation>
    </message>
    <message>
        <location filename="runtime_labels.py" line="68"/>
        <source>内外资</source>
        <translation>Capital source</translation>
    </message>
    <message>
        <location filename="runtime_labels.py" line="69"/>
        <source>总投资</source>
        <translation>Total investment</translation>
    </message>
    <message>
        <location filename="runtime_labels.py" line="70"/>
        <source>行业代码</source>
        <translation>Sector code</translation>
    </message>
    <message>
        <location filename="runtime_labels.py" line="71"/>
        <source>产业类别</source>
        <translation>Industry</translation>
    </message>
    <message>
        <location filename="runtime_labels.py" line="72"/>
        <source>产业链</source>
        <translation>Industry chain</translation>
    </message>
    <message>
        <location filename="runtime_labels.py" line="73"/>
        <source>建设性质</source>
        <translation>Construction type</translation>
    </message>
    <message>
        <location filename="runtime_labels.py" line="74"/>
        <source>项目阶段</source>
        <translation>Stage</translation>
    </message>
    <message>
        <location filename="runtime_labels.py" line="75"/>
        <source>首次对接日期</source>
        <translation>First contact</translation>
    </message>
    <message>
        <location filename="runtime_labels.py" line="76"/>
        <source>签约日期</source>
        <translation>Signed on</translation>
    </message>
    <message>
        <location filename="runtime_labels.py" line="77"/>
        <source>开工日期</source>
        <translation>Construction started on</translation>
    </message>
    <message>
        <location filename="runtime_labels.py" line="78"/>
        <source>投产日期</source>
        <translation>In production on</translation>
    </message>
    <message>
        <location filename="runtime_labels.py" line="79"/>
        <source>用地(亩)</source>
        <translation>Land (mu)</translation>
    </message>
    <message>
        <location filename="runtime_labels.py" line="80"/>
        <source>建筑面积(平方米)</source>
        <translation>Floor area (m²)</translation>
    </message>
    <message>
        <location filename="runtime_labels.py" line="81"/>
        <source>预计年销售(万元)</source>
        <translation>Expected annual sales (10k CNY)</translation>
    </message>
    <message>
        <location filename="runtime_labels.py" line="82"/>
        <source>预计年税收(万元)</source>
        <translation>Expected annual tax (10k CNY)</translation>
    </message>
    <message>
        <location filename="runtime_labels.py" line="83"/>
        <source>新增就业(人)</source>
        <translation>New jobs</translation>
    </message>
    <message>
        <location filename="runtime_labels.py" line="84"/>
        <source>建设内容及规模</source>
        <translation>Scope of construction</translation>
    </message>
    <message>
        <location filename="runtime_labels.py" line="85"/>
        <source>责任单位</source>
        <translation>Responsible unit</translation>
    </message>
    <message>
        <location filename="runtime_labels.py" line="86"/>
        <source>责任人</source>
        <translation>Person in charge</translation>
    </message>
    <message>
        <location filename="runtime_labels.py" line="87"/>
        <source>信息来源</source>
        <translation>Information source</translation>
    </message>
    <message>
        <location filename="runtime_labels.py" line="88"/>
        <source>需协调问题</source>
        <translation>Issues</translation>
    </message>
    <message>
        <location filename="runtime_labels.py" line="89"/>
        <source>备注</source>
        <translation>Remarks</translation>
    </message>
    <message>
        <location filename="runtime_labels.py" line="90"/>
        <source>更新时间</source>
        <translation>Updated</translation>
    </message>
    <message>
        <location filename="runtime_labels.py" line="91"/>
        <source>线索</source>
        <translation>Lead</translation>
    </message>
    <message>
        <location filename="runtime_labels.py" line="92"/>
        <source>在谈</source>
        <translation>In talks</translation>
    </message>
    <message>
        <location filename="runtime_labels.py" line="93"/>
        <source>签约</source>
        <translation>Signed</translation>
    </message>
    <message>
        <location filename="runtime_labels.py" line="94"/>
        <source>注册</source>
        <translation>Registered</translation>
    </message>
    <message>
        <location filename="runtime_labels.py" line="95"/>
        <source>开工</source>
        <translation>Construction started</translation>
    </message>
    <message>
        <location filename="runtime_labels.py" line="96"/>
        <source>竣工</source>
        <translation>Completed</translation>
    </message>
    <message>
        <location filename="runtime_labels.py" line="97"/>
        <source>投产</source>
        <translation>In production</translation>
    </message>
    <message>
        <location filename="runtime_labels.py" line="98"/>
        <source>达产</source>
        <translation>At full capacity</translation>
    </message>
    <message>
        <location filename="runtime_labels.py" line="99"/>
        <source>中止</source>
        <translation>Dropped</translation>
    </message>
    <message>
        <location filename="runtime_labels.py" line="100"/>
        <source>内资</source>
        <translation>Domestic</translation>
    </message>
    <message>
        <location filename="runtime_labels.py" line="101"/>
        <source>外资</source>
        <translation>Foreign</translation>
    </message>
    <message>
        <location filename="runtime_labels.py" line="102"/>
        <source>万元</source>
        <translation>× 10k CNY</translation>
    </message>
    <message>
        <location filename="runtime_labels.py" line="103"/>
        <source>万美元</source>
        <translation>× 10k USD</translation>
    </message>
</context>
<context>
    <name>ReportController</name>
    <message>
        <location filename="../controllers/reports.py" line="45"/>
        <source>选择报表和导出文件的保存位置</source>
        <translation>Choose where reports and exports are saved</translation>
    </message>
    <message>
        <location filename="../controllers/reports.py" line="50"/>
        <source>报表和导出文件将保存在:%1</source>
        <translation>Reports and exports will be saved in: %1</translation>
    </message>
    <message>
        <location filename="../controllers/reports.py" line="58"/>
        <source>已生成:%1</source>
        <translation>Created: %1</translation>
    </message>
    <message>
        <location filename="../controllers/reports.py" line="93"/>
        <source>请先在项目台账中选择一个项目</source>
        <translation>Select a project in the project ledger first</translation>
    </message>
    <message>
        <location filename="../controllers/reports.py" line="101"/>
        <source>保存项目简报</source>
        <translation>Save project brief</translation>
    </message>
    <message>
        <location filename="../controllers/reports.py" line="103"/>
        <location filename="../controllers/reports.py" line="198"/>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../controllers/reports.py" line="131"/>
        <source>全部单位</source>
        <translation>All units</translation>
    </message>
    <message>
        <location filename="../controllers/reports.py" line="134"/>
        <location filename="../controllers/reports.py" line="155"/>
        <source>打印全部项目简报</source>
        <translation>Print all project briefs</translation>
    </message>
    <message>
        <location filename="../controllers/reports.py" line="134"/>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../controllers/reports.py" line="140"/>
        <source>选择保存项目简报的文件夹</source>
        <translation>Choose a folder for the project briefs</translation>
    </message>
    <message>
        <location filename="../controllers/reports.py" line="156"/>
        <source>正在生成项目简报…</source>
        <translation>Creating project briefs…</translation>
    </message>
    <message>
        <location filename="../controllers/reports.py" line="171"/>
        <source>正在生成项目简报(%1/%2):%3</source>
        <translation>Creating project briefs (%1/%2): %3</translation>
    </message>
    <message>
        <location filename="../controllers/reports.py" line="180"/>
        <source>已生成 %1 份项目简报,保存在 %2</source>
        <translation>Created %1 project brief(s) in %2</translation>
    </message>
    <message>
        <location filename="../controllers/reports.py" line="196"/>
        <source>保存项目清单</source>
        <translation>Save project listing</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../settings_dialog.py" line="617"/>
        <source>修改设置</source>
        <translation>Change settings</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="162"/>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="170"/>
        <source>单位信息</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="171"/>
        <source>产业类别</source>
        <translation>Industry</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="172"/>
        <source>重点产业链</source>
        <translation>Priority chains</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="173"/>
        <source>统计口径</source>
        <translation>Counting rules</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="174"/>
        <source>汇率</source>
        <translation>Exchange rate</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="175"/>
        <source>简报</source>
        <translation>Briefing</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="176"/>
        <source>语言</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="180"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="181"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="219"/>
        <source>总部名称(&amp;N)</source>
        <translation>Headquarters &amp;name</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="221"/>
        <source>已汇总 {units} 个单位,共 {cadres} 名招商人员。</source>
        <translation>{units} unit(s) consolidated, with {cadres} investment staff.</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="230"/>
        <source> 天</source>
        <translation> days</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="233"/>
        <source>单位上次交接超过此天数即标为逾期</source>
        <translation>A unit whose last handover is older than this is marked overdue</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="234"/>
        <source>交接逾期天数(&amp;O)</source>
        <translation>Handover &amp;overdue after</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="247"/>
        <source>驻点招商办填写,如:上海</source>
        <translation>For a resident office, e.g. Shanghai</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="248"/>
        <source>单位名称(&amp;N)</source>
        <translation>Unit &amp;name</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="249"/>
        <source>单位类别(&amp;K)</source>
        <translation>Unit &amp;type</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="250"/>
        <source>驻点城市(&amp;C)</source>
        <translation>&amp;City</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="252"/>
        <source>招商人员</source>
        <translation>Investment staff</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="256"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="256"/>
        <source>职务</source>
        <translation>Position</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="256"/>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="263"/>
        <source>添加人员(&amp;A)</source>
        <translation>&amp;Add person</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="266"/>
        <source>删除人员(&amp;D)</source>
        <translation>&amp;Remove person</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="316"/>
        <source>项目表单中“产业类别”可选的本地标签:</source>
        <translation>Local labels offered for “Industry” in the project form:</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="329"/>
        <source>如:4+3+1</source>
        <translation>e.g. 4+3+1</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="330"/>
        <source>体系名称(&amp;N)</source>
        <translation>System &amp;name</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="332"/>
        <source>重点产业链(项目属于其中之一即计入占比):</source>
        <translation>Priority chains (a project in any of them counts toward the share):</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="343"/>
        <source>各档下限(亿元),用逗号分隔,如:30, 10, 5, 1</source>
        <translation>Lower bound of each band (100M CNY), separated by commas, e.g. 30, 10, 5, 1</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="346"/>
        <source>规模档次下限(亿元)(&amp;B)</source>
        <translation>Size &amp;bands (100M CNY)</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="350"/>
        <source>分档</source>
        <translation>Bands</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="354"/>
        <source>计入口径(亿元以上产业项目):内资总投资不低于 {d} 万元,外资不低于 {f} 万美元;房地产业项目不计入。外资项目按“汇率”页的汇率折算后分档。</source>
        <translation>Counted (industrial projects of 100M CNY or more): domestic projects with a total investment of at least {d} × 10k CNY, foreign ones of at least {f} × 10k USD; real-estate projects are not counted. Foreign projects are banded after conversion at the rate on the “Exchange rate” tab.</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="360"/>
        <source>口径</source>
        <translation>Rule</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="375"/>
        <source>{b}亿元以上</source>
        <translation>≥ {b} × 100M CNY</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="377"/>
        <source>{b}亿元以下</source>
        <translation>&lt; {b} × 100M CNY</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="387"/>
        <source>如:7.1026</source>
        <translation>e.g. 7.1026</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="388"/>
        <source>1 美元兑人民币元,最多 6 位小数</source>
        <translation>CNY per 1 USD, up to 6 decimal places</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="391"/>
        <source>汇率日期</source>
        <translation>Rate date</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="392"/>
        <source>1 美元 = 人民币(元)(&amp;R)</source>
        <translation>&amp;Rate (CNY per 1 USD)</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="393"/>
        <source>汇率日期(&amp;D)</source>
        <translation>Rate &amp;date</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="394"/>
        <source>外资项目计入总投资、划分规模档次时按此汇率折算,报表中同时注明汇率及日期。</source>
        <translation>Foreign projects are converted at this rate for totals and size bands; reports state the rate and its date.</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="396"/>
        <source>尚未填写汇率:填写之前,外资项目以美元单列,不折算人民币。</source>
        <translation> No rate entered yet: until one is, foreign projects are shown in USD on their own, not converted to CNY.</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="416"/>
        <source>第 </source>
        <translation>No. </translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="417"/>
        <source> 期</source>
        <translation> </translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="427"/>
        <source>不注明</source>
        <translation>Not stated</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="428"/>
        <source> 份</source>
        <translation> copies</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="433"/>
        <source>今年新签约、总投资不低于此数的项目,项目简报称为“今年新签约的重大项目之一”</source>
        <translation>A project signed this year with at least this total investment is called one of this year&apos;s major new signings in its brief</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="435"/>
        <source>简报标题(&amp;T)</source>
        <translation>&amp;Title</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="436"/>
        <source>编印单位(&amp;E)</source>
        <translation>Issued &amp;by</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="437"/>
        <source>下一期期数(&amp;I)</source>
        <translation>Next &amp;issue no.</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="438"/>
        <source>期数按年度编号:新一年的第一期简报为第 1 期。</source>
        <translation>Issues are numbered per year: the first briefing of a new year is No. 1.</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="441"/>
        <source>报:</source>
        <translation>Report to:</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="442"/>
        <source>送:</source>
        <translation>Copy to:</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="443"/>
        <source>发:</source>
        <translation>Distribute to:</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="444"/>
        <source>印数(&amp;P)</source>
        <translation>&amp;Printed copies</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="446"/>
        <source>重大项目总投资不低于(亿元)(&amp;M)</source>
        <translation>&amp;Major project from (100 m CNY)</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="455"/>
        <source>单位排列顺序</source>
        <translation>Order of units</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="467"/>
        <source>界面语言(&amp;L)</source>
        <translation>Interface &amp;language</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="483"/>
        <source>请填写 1 美元兑人民币的汇率,应在 1 至 20 之间,如 7.1026</source>
        <translation>Enter the CNY rate for 1 USD, between 1 and 20, e.g. 7.1026</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="489"/>
        <source>汇率最多保留 6 位小数</source>
        <translation>The rate can have at most 6 decimal places</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="500"/>
        <source>请填写正数(亿元),如 10</source>
        <translation>Enter a positive number (100 m CNY), e.g. 10</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="516"/>
        <source>汇率日期不能晚于今天</source>
        <translation>The rate date cannot be after today</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="523"/>
        <source>请填写互不相同的正数下限(亿元),用逗号分隔,如:30, 10, 5, 1</source>
        <translation>Enter distinct positive lower bounds (100M CNY), separated by commas, e.g. 30, 10, 5, 1</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="527"/>
        <source>产业类别有重复,请删除重复的一项</source>
        <translation>An industry is listed twice. Remove the duplicate.</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="530"/>
        <source>请填写重点产业链体系名称,如 4+3+1</source>
        <translation>Enter the name of the priority chain system, e.g. 4+3+1</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="532"/>
        <source>产业链有重复,请删除重复的一项</source>
        <translation>An industry chain is listed twice. Remove the duplicate.</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="534"/>
        <source>请填写简报标题</source>
        <translation>Enter a briefing title</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="542"/>
        <source>请填写总部名称</source>
        <translation>Enter the headquarters name</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="546"/>
        <source>请填写单位名称</source>
        <translation>Enter the unit name</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="548"/>
        <source>已有同名单位,请换一个名称</source>
        <translation>A unit with this name already exists. Choose another name.</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="552"/>
        <source>每位招商人员都须填写姓名</source>
        <translation>Every staff member needs a name</translation>
    </message>
</context>
<context>
    <name>SigningEventDialog</name>
    <message>
        <location filename="../signing_events.py" line="163"/>
        <source>新建签约活动</source>
        <translation>New signing event</translation>
    </message>
    <message>
        <location filename="../signing_events.py" line="163"/>
        <source>编辑签约活动</source>
        <translation>Edit signing event</translation>
    </message>
    <message>
        <location filename="../signing_events.py" line="170"/>
        <source>如:政银企对接活动</source>
        <translation>e.g. government–bank–business matchmaking event</translation>
    </message>
    <message>
        <location filename="../signing_events.py" line="176"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../signing_events.py" line="184"/>
        <source>全市(不限单位)</source>
        <translation>Citywide (any unit)</translation>
    </message>
    <message>
        <location filename="../signing_events.py" line="197"/>
        <source>输入项目名称或单位筛选</source>
        <translation>Filter by project name or unit</translation>
    </message>
    <message>
        <location filename="../signing_events.py" line="211"/>
        <source>活动名称(&amp;N)</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <location filename="../signing_events.py" line="212"/>
        <source>日期(&amp;D)</source>
        <translation>&amp;Date</translation>
    </message>
    <message>
        <location filename="../signing_events.py" line="214"/>
        <source>地点(&amp;P)</source>
        <translation>&amp;Place</translation>
    </message>
    <message>
        <location filename="../signing_events.py" line="215"/>
        <source>单位(&amp;U)</source>
        <translation>&amp;Unit</translation>
    </message>
    <message>
        <location filename="../signing_events.py" line="216"/>
        <source>备注</source>
        <translation>Remarks</translation>
    </message>
    <message>
        <location filename="../signing_events.py" line="220"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../signing_events.py" line="221"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../signing_events.py" line="225"/>
        <source>签约项目(勾选在本次活动上签约的项目)(&amp;S)</source>
        <translation>&amp;Signed projects (tick those signed at this event)</translation>
    </message>
    <message>
        <location filename="../signing_events.py" line="243"/>
        <source>(已关联:{name})</source>
        <translation> (linked to {name})</translation>
    </message>
    <message>
        <location filename="../signing_events.py" line="260"/>
        <source>已勾选 {n} 个项目</source>
        <translation>{n} project(s) ticked</translation>
    </message>
    <message>
        <location filename="../signing_events.py" line="279"/>
        <source>请填写活动名称</source>
        <translation>Enter the event name</translation>
    </message>
</context>
<context>
    <name>SigningEventsView</name>
    <message>
        <location filename="../signing_events.py" line="83"/>
        <source>未填写</source>
        <translation>not set</translation>
    </message>
    <message>
        <location filename="../signing_events.py" line="97"/>
        <source>活动名称</source>
        <translation>Event</translation>
    </message>
    <message>
        <location filename="../signing_events.py" line="98"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../signing_events.py" line="99"/>
        <source>地点</source>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="../signing_events.py" line="100"/>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../signing_events.py" line="101"/>
        <source>项目数</source>
        <translation>Projects</translation>
    </message>
    <message>
        <location filename="../signing_events.py" line="102"/>
        <source>累计金额(亿元)</source>
        <translation>Total (100M CNY)</translation>
    </message>
    <message>
        <location filename="../signing_events.py" line="133"/>
        <source>全市</source>
        <translation>Citywide</translation>
    </message>
    <message>
        <location filename="../signing_events.py" line="146"/>
        <source>总投资未填</source>
        <translation>total investment not entered</translation>
    </message>
    <message>
        <location filename="../signing_events.py" line="72"/>
        <source>现场集中签约项目{count}个,累计金额{total}</source>
        <translation>{count} project(s) signed on site, {total} in total</translation>
    </message>
    <message>
        <location filename="../signing_events.py" line="78"/>
        <source>(另有外资{usd},未设定汇率,未折算)</source>
        <translation> (plus foreign {usd}, not converted: no exchange rate set)</translation>
    </message>
    <message>
        <location filename="../signing_events.py" line="80"/>
        <source>(其中外资{usd},按1美元={rate}元人民币折算,汇率日期{when})</source>
        <translation> (including foreign {usd}, at 1 USD = {rate} CNY, rate date {when})</translation>
    </message>
    <message>
        <location filename="../signing_events.py" line="333"/>
        <source>新建活动(&amp;N)…</source>
        <translation>&amp;New event…</translation>
    </message>
    <message>
        <location filename="../signing_events.py" line="336"/>
        <source>编辑/关联项目(&amp;E)…</source>
        <translation>&amp;Edit / link projects…</translation>
    </message>
    <message>
        <location filename="../signing_events.py" line="339"/>
        <source>删除活动</source>
        <translation>Delete event</translation>
    </message>
    <message>
        <location filename="../signing_events.py" line="384"/>
        <source>共 {n} 场签约活动。选择一场查看签约项目。</source>
        <translation>{n} signing event(s). Select one to see its projects.</translation>
    </message>
    <message>
        <location filename="../signing_events.py" line="386"/>
        <source>尚无签约活动。点“新建活动”录入活动日期、地点及在会上签约的项目。</source>
        <translation>No signing events yet. Click “New event” to enter an event&apos;s date, place and the projects signed there.</translation>
    </message>
    <message>
        <location filename="../signing_events.py" line="419"/>
        <source>记录签约日期</source>
        <translation>Record signing date</translation>
    </message>
    <message>
        <location filename="../signing_events.py" line="421"/>
        <source>以下 {n} 个项目尚无签约记录,是否将其阶段记为“签约”,日期为活动日期 {when}?

{names}</source>
        <translation>These {n} project(s) have no signing on record. Set their stage to “Signed” on the event date, {when}?

{names}</translation>
    </message>
    <message>
        <location filename="../signing_events.py" line="436"/>
        <source>新建签约活动“{name}”</source>
        <translation>New signing event “{name}”</translation>
    </message>
    <message>
        <location filename="../signing_events.py" line="436"/>
        <source>修改签约活动“{name}”</source>
        <translation>Edit signing event “{name}”</translation>
    </message>
    <message>
        <location filename="../signing_events.py" line="451"/>
        <source>以下项目未记录签约日期:{reasons}</source>
        <translation>Signing date not recorded for: {reasons}</translation>
    </message>
    <message>
        <location filename="../signing_events.py" line="463"/>
        <source>删除签约活动“{name}”</source>
        <translation>Delete signing event “{name}”</translation>
    </message>
</context>
<context>
    <name>StageDialog</name>
    <message>
        <location filename="../stage_dialog.py" line="67"/>
        <source>变更阶段 — %1</source>
        <translation>Change stage — %1</translation>
    </message>
    <message>
        <location filename="../stage_dialog.py" line="69"/>
        <source>当前阶段:%1</source>
        <translation>Current stage: %1</translation>
    </message>
    <message>
        <location filename="../stage_dialog.py" line="73"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../stage_dialog.py" line="77"/>
        <source>如:企业战略调整、选址外地</source>
        <translation>e.g. change of company strategy, site chosen elsewhere</translation>
    </message>
    <message>
        <location filename="../stage_dialog.py" line="86"/>
        <source>新阶段(&amp;S)</source>
        <translation>New &amp;stage</translation>
    </message>
    <message>
        <location filename="../stage_dialog.py" line="87"/>
        <source>日期(&amp;D)</source>
        <translation>&amp;Date</translation>
    </message>
    <message>
        <location filename="../stage_dialog.py" line="89"/>
        <source>中止原因(&amp;R)</source>
        <translation>&amp;Reason for dropping</translation>
    </message>
    <message>
        <location filename="../stage_dialog.py" line="91"/>
        <source>备注(&amp;N)</source>
        <translation>&amp;Notes</translation>
    </message>
    <message>
        <location filename="../stage_dialog.py" line="96"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../stage_dialog.py" line="97"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../stage_dialog.py" line="142"/>
        <source>%1日期 %2 晚于%3日期 %4,请核对日期</source>
        <translation>The %1 date %2 is after the %3 date %4. Please check the dates.</translation>
    </message>
    <message>
        <location filename="../stage_dialog.py" line="152"/>
        <source>中止项目须填写中止原因</source>
        <translation>Give a reason for dropping the project</translation>
    </message>
    <message>
        <location filename="../stage_dialog.py" line="167"/>
        <source>日期在今天之后</source>
        <translation>Date in the future</translation>
    </message>
    <message>
        <location filename="../stage_dialog.py" line="168"/>
        <source>%1 在今天之后。阶段应按实际发生的日期记录,确定要记为这一天吗?</source>
        <translation>%1 is after today. Stages should be recorded on the date they happened. Record this date anyway?</translation>
    </message>
    <message>
        <location filename="../stage_dialog.py" line="180"/>
        <source>阶段变更为“%1”</source>
        <translation>Change stage to “%1”</translation>
    </message>
</context>
<context>
    <name>StartScreen</name>
    <message>
        <location filename="../start_screen.py" line="39"/>
        <source>招商台账</source>
        <translation>Investment Ledger</translation>
    </message>
    <message>
        <location filename="../start_screen.py" line="43"/>
        <source>招商项目台账、统计与简报 —— 离线使用,数据保存在本机的一个文件中</source>
        <translation>Investment project ledger, figures and briefings — works offline, keeping your data in one file on this computer</translation>
    </message>
    <message>
        <location filename="../start_screen.py" line="51"/>
        <source>新建单位数据文件</source>
        <translation>New unit file</translation>
    </message>
    <message>
        <location filename="../start_screen.py" line="52"/>
        <source>驻点招商办、开发区、镇区、园区使用</source>
        <translation>For resident offices, development zones, towns and parks</translation>
    </message>
    <message>
        <location filename="../start_screen.py" line="57"/>
        <source>新建总部数据文件</source>
        <translation>New headquarters file</translation>
    </message>
    <message>
        <location filename="../start_screen.py" line="58"/>
        <source>市招商中心汇总各单位数据使用</source>
        <translation>For the city headquarters, to consolidate the units&apos; data</translation>
    </message>
    <message>
        <location filename="../start_screen.py" line="63"/>
        <source>打开数据文件…</source>
        <translation>Open data file…</translation>
    </message>
    <message>
        <location filename="../start_screen.py" line="64"/>
        <source>打开已有的 .zsdb 文件</source>
        <translation>Open an existing .zsdb file</translation>
    </message>
    <message>
        <location filename="../start_screen.py" line="69"/>
        <source>打开示例数据</source>
        <translation>Open sample data</translation>
    </message>
    <message>
        <location filename="../start_screen.py" line="70"/>
        <source>文章中全市1~7月的招商数据,供熟悉软件</source>
        <translation>The article&apos;s citywide figures for January–July, to try the app with</translation>
    </message>
    <message>
        <location filename="../start_screen.py" line="83"/>
        <source>最近打开的文件</source>
        <translation>Recent files</translation>
    </message>
    <message>
        <location filename="../start_screen.py" line="122"/>
        <source>⚠ %1 —— 未能打开:%2</source>
        <translation>⚠ %1 — could not be opened: %2</translation>
    </message>
    <message>
        <location filename="../start_screen.py" line="131"/>
        <source>(暂无)</source>
        <translation>(none)</translation>
    </message>
</context>
<context>
    <name>TransferController</name>
    <message>
        <location filename="../controllers/transfers.py" line="43"/>
        <source>选择保存交接文件的文件夹(如U盘)</source>
        <translation>Choose the folder for the handover file (a USB stick, say)</translation>
    </message>
    <message>
        <location filename="../controllers/transfers.py" line="59"/>
        <source>导出交接文件</source>
        <translation>Export handover file</translation>
    </message>
    <message>
        <location filename="../controllers/transfers.py" line="61"/>
        <source>已导出第 %1 次交接文件:
%2

请将此文件交给市招商中心(U盘、邮件或共享文件夹)。</source>
        <translation>Handover no. %1 written:
%2

Give this file to headquarters (USB stick, e-mail or a shared folder).</translation>
    </message>
    <message>
        <location filename="../controllers/transfers.py" line="79"/>
        <location filename="../controllers/transfers.py" line="84"/>
        <source>导入设置文件</source>
        <translation>Import settings file</translation>
    </message>
    <message>
        <location filename="../controllers/transfers.py" line="79"/>
        <source>设置文件 (*.zsset)</source>
        <translation>Settings files (*.zsset)</translation>
    </message>
    <message>
        <location filename="../controllers/transfers.py" line="89"/>
        <source>已导入设置文件:%1</source>
        <translation>Settings file imported: %1</translation>
    </message>
    <message>
        <location filename="../controllers/transfers.py" line="102"/>
        <location filename="../controllers/transfers.py" line="114"/>
        <location filename="../controllers/transfers.py" line="131"/>
        <source>导入台账</source>
        <translation>Import ledger</translation>
    </message>
    <message>
        <location filename="../controllers/transfers.py" line="102"/>
        <source>台账 (*.xlsx *.csv)</source>
        <translation>Ledgers (*.xlsx *.csv)</translation>
    </message>
    <message>
        <location filename="../controllers/transfers.py" line="114"/>
        <source>正在导入台账…</source>
        <translation>Importing ledger…</translation>
    </message>
    <message>
        <location filename="../controllers/transfers.py" line="133"/>
        <source>已导入台账:新建项目 %1 个,更新项目 %2 个</source>
        <translation>Ledger imported: %1 project(s) created, %2 updated</translation>
    </message>
    <message>
        <location filename="../controllers/transfers.py" line="151"/>
        <source>产业链不在重点产业链名单中</source>
        <translation>Chains outside the priority list</translation>
    </message>
    <message>
        <location filename="../controllers/transfers.py" line="152"/>
        <source>是否把这些产业链加入重点产业链名单?</source>
        <translation>Add these chains to the priority chains?</translation>
    </message>
    <message>
        <location filename="../controllers/transfers.py" line="163"/>
        <source>加入重点产业链</source>
        <translation>Add priority chains</translation>
    </message>
    <message>
        <location filename="../controllers/transfers.py" line="181"/>
        <source>……另有 %1 处问题</source>
        <translation>…and %1 more problem(s)</translation>
    </message>
    <message>
        <location filename="../controllers/transfers.py" line="184"/>
        <source>台账未导入</source>
        <translation>Ledger not imported</translation>
    </message>
    <message>
        <location filename="../controllers/transfers.py" line="202"/>
        <source>导出台账</source>
        <translation>Export ledger</translation>
    </message>
    <message>
        <location filename="../controllers/transfers.py" line="204"/>
        <source>Excel 工作簿 (*.xlsx);;CSV 文件 (*.csv)</source>
        <translation>Excel workbooks (*.xlsx);;CSV files (*.csv)</translation>
    </message>
    <message>
        <location filename="../controllers/transfers.py" line="219"/>
        <source>已导出 %1 个项目到 %2</source>
        <translation>Exported %1 project(s) to %2</translation>
    </message>
</context>
<context>
    <name>_EditableList</name>
    <message>
        <location filename="../settings_dialog.py" line="73"/>
        <source>添加</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="74"/>
        <source>删除</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="75"/>
        <source>上移</source>
        <translation>Move up</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="76"/>
        <source>下移</source>
        <translation>Move down</translation>
    </message>
</context>
<context>
    <name>_OrderList</name>
    <message>
        <location filename="../settings_dialog.py" line="128"/>
        <source>上移</source>
        <translation>Move up</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="128"/>
        <source>下移</source>
        <translation>Move down</translation>
    </message>
</context>
<context>
    <name>widgets</name>
    <message>
        <location filename="../widgets.py" line="46"/>
        <source>请填写数字,如 30 或 11.6</source>
        <translation>Enter a number, e.g. 30 or 11.6</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="48"/>
        <source>最多保留 %1 位小数</source>
        <translation>At most %1 decimal places</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="65"/>
        <source>金额最多精确到分</source>
        <translation>Amounts cannot be more precise than a cent</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="157"/>
        <source>万美元</source>
        <translation>10k USD</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="159"/>
        <source>万元</source>
        <translation>10k CNY</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="160"/>
        <source>亿元</source>
        <translation>100M CNY</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="230"/>
        <source>删除后可用 Ctrl+Z 撤销。</source>
        <translation>Ctrl+Z undoes the deletion.</translation>
    </message>
</context>
</TS>
